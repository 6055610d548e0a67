/// A kind of customer the journey follows, from a `persona` statement.
public struct Persona: Hashable, Sendable {
    /// The name touchpoints use to refer to the persona in `for`.
    public var id: String
    /// Who the persona is, in a sentence.
    public var description: String?
    /// Where the persona is declared.
    public var location: SourceLocation

    public init(id: String, description: String? = nil, location: SourceLocation) {
        self.id = id
        self.description = description
        self.location = location
    }
}
