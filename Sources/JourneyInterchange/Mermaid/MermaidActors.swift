import JourneyLanguage

/// Turns Mermaid actors into personas: each distinct actor is one persona.
///
/// An actor named like a persona that a `%% journey:persona` comment declares is that persona.
/// Any other actor becomes a new persona whose id is the actor's name when it is a bare word
/// of the journey language (`Me`, `Cat`, `giulia`), else a lowercase slug of it (`New Dev` →
/// `new-dev`), with the name kept as the persona's description. Ids stay unique: a slug that
/// is taken gets `-2`, `-3`…
struct MermaidActors {
    /// The personas in order: the declared ones, then one per new actor in order of appearance.
    private(set) var personas: [Persona]
    private var idsByActor: [String: String] = [:]
    private var takenIDs: Set<String>
    /// The number to try next for each id that was taken, so that many actors with one slug
    /// are numbered in linear time.
    private var nextNumbers: [String: Int] = [:]

    init(declared: [Persona]) {
        personas = declared
        takenIDs = Set(declared.map(\.id))
        for persona in declared {
            idsByActor[persona.id] = persona.id
        }
    }

    /// The persona id of `actor`, declaring a persona the first time an actor is seen.
    mutating func personaID(for actor: String, at location: SourceLocation) -> String {
        if let id = idsByActor[actor] { return id }
        let id = Self.uniqueID(for: actor, taken: takenIDs, nextNumbers: &nextNumbers)
        takenIDs.insert(id)
        idsByActor[actor] = id
        personas.append(Persona(id: id, description: id == actor ? nil : actor, location: location))
        return id
    }

    /// `actor` itself when it is a bare word, else its slug; made unique against `taken`.
    ///
    /// `nextNumbers` remembers, for each base, the number after the last one given.
    static func uniqueID(for actor: String, taken: Set<String>, nextNumbers: inout [String: Int]) -> String {
        let base = ArgumentReader.isBareWord(actor) ? actor : slug(actor)
        guard taken.contains(base) else { return base }
        var number = nextNumbers[base] ?? 2
        while taken.contains("\(base)-\(number)") {
            number += 1
        }
        nextNumbers[base] = number + 1
        return "\(base)-\(number)"
    }

    /// `New Dev (QA)` → `new-dev-qa`: lowercase, every run of other characters one hyphen.
    ///
    /// An actor with no letter or digit at all, such as `🐱`, becomes `persona`.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            let word = String(character)
            if ArgumentReader.isBareWord(word), word != "-" {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result += word
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "persona" : result
    }
}
