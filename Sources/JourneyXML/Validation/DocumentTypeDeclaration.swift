/// A document's `<!DOCTYPE …>`: the root element it names and the DTD it points to.
///
/// ```xml
/// <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
/// ```
public struct DocumentTypeDeclaration: Hashable, Sendable {
    /// The root element's name, such as `svg`.
    public var rootElement: String
    /// The public identifier, such as `-//W3C//DTD SVG 1.1//EN`, by which the catalog finds the DTD.
    public var publicID: String?
    /// The system identifier: where the DTD would be fetched from if it were fetched, which it never is.
    public var systemID: String?

    public init(rootElement: String, publicID: String? = nil, systemID: String? = nil) {
        self.rootElement = rootElement
        self.publicID = publicID
        self.systemID = systemID
    }

    /// The DOCTYPE of SVG 1.1, which every SVG that journey writes carries.
    public static let svg11 = DocumentTypeDeclaration(
        rootElement: "svg",
        publicID: "-//W3C//DTD SVG 1.1//EN",
        systemID: "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"
    )

    /// Whether the declaration names an external DTD, by public or system identifier.
    public var pointsToExternalDTD: Bool { publicID != nil || systemID != nil }

    /// The declaration as it is written at the top of a document, without a line ending.
    public var markup: String {
        switch (publicID, systemID) {
        case (let publicID?, let systemID?): "<!DOCTYPE \(rootElement) PUBLIC \"\(publicID)\" \"\(systemID)\">"
        case (let publicID?, nil): "<!DOCTYPE \(rootElement) PUBLIC \"\(publicID)\">"
        case (nil, let systemID?): "<!DOCTYPE \(rootElement) SYSTEM \"\(systemID)\">"
        case (nil, nil): "<!DOCTYPE \(rootElement)>"
        }
    }

    /// How a person would name the DTD: its public identifier, else its system identifier.
    var displayName: String {
        publicID ?? systemID ?? rootElement
    }
}
