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
///    this call, not a global, and libxml2's no-network entity loader, which resolves through
///    the catalog and refuses `http://` and `ftp://` whatever the parse options;
/// 4. runs the body, then puts the previous handler and loader back.
enum LibXML2 {
    /// The findings libxml2 reported during one `withErrorCapture` call, in order.
    final class ErrorCollector {
        fileprivate(set) var errors: [LibXML2Error] = []

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

    /// Recursive, so that freeing a schema inside a validation cannot deadlock.
    private static let lock = NSRecursiveLock()

    /// Initialises libxml2 and loads the catalog list once per process.
    private static let initialization: Void = {
        xmlInitParser()
        xmlInitializeCatalog()
    }()

    /// Runs `body` holding the lock, with libxml2's errors going to a fresh collector and
    /// network access refused.
    static func withErrorCapture<Result>(_ body: (ErrorCollector) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        _ = initialization

        let collector = ErrorCollector()
        let previousHandler = __xmlStructuredError().pointee
        let previousContext = __xmlStructuredErrorContext().pointee
        let previousLoader = xmlGetExternalEntityLoader()
        // The collector outlives every use of its pointer: libxml2 forgets it before it is released.
        return try withExtendedLifetime(collector) {
            xmlSetStructuredErrorFunc(collector.opaquePointer, collectError)
            xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
            defer {
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
