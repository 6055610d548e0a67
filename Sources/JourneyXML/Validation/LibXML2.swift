import CLibXML2
import Foundation

/// Exclusive, offline, error-capturing access to libxml2: the one door to its global state.
///
/// libxml2 keeps state in globals: the structured error handler (one per thread), the
/// external-entity loader (one per process) and the XML catalog. Every use of libxml2 in
/// JourneyKit goes through `withErrorCapture`, which
///
/// 1. takes a process-wide lock, so validations never interleave, whatever the thread;
/// 2. initialises the parser and the system XML catalog once (`XML_CATALOG_FILES`, or
///    `/etc/xml/catalog` by default);
/// 3. installs a structured error handler whose user-data pointer is a collector owned by
///    this call, not a global, and an entity loader: for documents, one that loads only what
///    the system XML catalog names (`catalogOnlyLoader`); for schemas, libxml2's no-network
///    loader, which resolves through the catalog, reads local files and refuses `http://` and
///    `ftp://` whatever the parse options;
/// 4. allows only the system catalogs, never one a document names in an `oasis-xml-catalog`
///    processing instruction;
/// 5. runs the body, then puts the previous handler, loader and catalog setting back.
enum LibXML2 {
    /// Which external files a parse may read.
    enum ExternalFiles {
        /// Only the DTDs and entities that the system XML catalog names: for documents.
        case catalogOnly
        /// What the catalog names, and local files: for schemas, whose includes are files next to them.
        case localFiles
    }

    /// The findings libxml2 reported during one `withErrorCapture` call, in order.
    final class ErrorCollector {
        fileprivate(set) var errors: [LibXML2Error] = []
        /// The external DTDs and entities that were asked for and not loaded, in order.
        fileprivate(set) var refusedLoads: [ExternalLoadRefusal] = []

        fileprivate init() {}

        /// The user-data pointer given to libxml2 callbacks; valid while the collector lives.
        var opaquePointer: UnsafeMutableRawPointer {
            Unmanaged.passUnretained(self).toOpaque()
        }
    }

    /// The structured error callback; `context` is an `ErrorCollector`'s `opaquePointer`.
    ///
    /// A plain C function pointer: it captures nothing and finds its collector through `context`.
    static let collectError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
        collector.errors.append(LibXML2Error(error.pointee))
    }

    /// Loads an external DTD or entity only when the system XML catalog names it, from where
    /// the catalog says; anything else is recorded in the active collector and not opened.
    ///
    /// libxml2's no-network loader opens any local path it is given, so that a DOCTYPE naming
    /// `/etc/shadow` said whether the file exists, and one naming a named pipe or `/dev/stdin`
    /// waited for it forever.
    static let catalogOnlyLoader: xmlExternalEntityLoader = { url, publicID, context in
        let resolved = xmlCatalogResolve(publicID, url)
        defer { if let resolved { journey_xmlFree(resolved) } }
        let target = resolved.map { String(cString: $0) }
        let isLocal =
            target.map { target in
                let lowercased = target.lowercased()
                return !["http://", "https://", "ftp://"].contains { lowercased.hasPrefix($0) }
            } ?? false
        guard let resolved, isLocal else {
            let input = context?.pointee.input?.pointee
            activeCollector?.refusedLoads.append(
                ExternalLoadRefusal(
                    systemID: url.map { String(cString: $0) },
                    publicID: publicID.map { String(cString: $0) },
                    isExternalSubset: context?.pointee.inSubset == 2,
                    file: input?.filename.map { String(cString: $0) },
                    line: Int(max(0, input?.line ?? 0)),
                    column: Int(max(0, input?.col ?? 0))))
            return nil
        }
        return resolved.withMemoryRebound(to: CChar.self, capacity: 1) { path in
            xmlNoNetExternalEntityLoader(path, publicID, context)
        }
    }

    /// The collector of the innermost `withErrorCapture` call, for `catalogOnlyLoader`.
    ///
    /// libxml2 gives a loader no user data. Read and written only while `lock` is held.
    nonisolated(unsafe) private static var activeCollector: ErrorCollector?

    /// Recursive, so that freeing a schema inside a validation cannot deadlock.
    private static let lock = NSRecursiveLock()

    /// Initialises libxml2 and loads the catalog list once per process.
    private static let initialization: Void = {
        xmlInitParser()
        xmlInitializeCatalog()
    }()

    /// Runs `body` holding the lock, with libxml2's errors going to a fresh collector and
    /// network access refused.
    static func withErrorCapture<Result>(
        reading files: ExternalFiles = .catalogOnly, _ body: (ErrorCollector) throws -> Result
    ) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        _ = initialization

        let collector = ErrorCollector()
        let previousHandler = __xmlStructuredError().pointee
        let previousContext = __xmlStructuredErrorContext().pointee
        let previousLoader = xmlGetExternalEntityLoader()
        let previousCatalogs = xmlCatalogGetDefaults()
        let previousCollector = activeCollector
        // The collector outlives every use of its pointer: libxml2 forgets it before it is released.
        return try withExtendedLifetime(collector) {
            xmlSetStructuredErrorFunc(collector.opaquePointer, collectError)
            switch files {
            case .catalogOnly: xmlSetExternalEntityLoader(catalogOnlyLoader)
            case .localFiles: xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
            }
            xmlCatalogSetDefaults(XML_CATA_ALLOW_GLOBAL)
            activeCollector = collector
            defer {
                activeCollector = previousCollector
                xmlCatalogSetDefaults(previousCatalogs)
                xmlSetExternalEntityLoader(previousLoader)
                xmlSetStructuredErrorFunc(previousContext, previousHandler)
            }
            return try body(collector)
        }
    }

    /// Runs `body` holding the lock, without capturing errors: for freeing libxml2 objects.
    static func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
