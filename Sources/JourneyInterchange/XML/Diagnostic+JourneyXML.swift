import JourneyLanguage

// Messages about journeys read from the project's XML format (docs/formats.md, section "XML").

extension Diagnostic {
    /// The document's root element is not `<journey>` in the format's namespace.
    static func xmlNotAJourney(root name: String, namespace: String?, at range: SourceRange) -> Diagnostic {
        let found = namespace.map { "<\(name)> in the namespace '\($0)'" } ?? "<\(name)> in no namespace"
        return .error(
            "xml-not-a-journey",
            "the root element is \(found), not <journey> in the namespace '\(JourneySchema.namespace)'",
            at: range,
            help: "a journey document starts with <journey xmlns=\"\(JourneySchema.namespace)\" "
                + "version=\"\(JourneySchema.version)\" name=\"…\">")
    }

    /// A finding of libxml2 against the journey schema, reworded for people: element names
    /// without the namespace, line breaks in quoted values shown as `\n` so that the message
    /// keeps to one line, and a hint for the rules of the format that the schema's words do
    /// not make obvious.
    static func journeyXMLFinding(_ finding: Diagnostic) -> Diagnostic {
        var diagnostic = finding
        var message = String.UnicodeScalarView()
        for scalar in finding.message.replacing("{\(JourneySchema.namespace)}", with: "").unicodeScalars {
            switch scalar {
            case "\n": message.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": message.append(contentsOf: #"\r"#.unicodeScalars)
            default: message.append(scalar)
            }
        }
        diagnostic.message = String(message)
        guard finding.code == "xml-invalid" else { return diagnostic }
        let text = diagnostic.message
        if text.contains("keyref 'touchpointChannel'") {
            diagnostic.help = "a touchpoint's channel must be the id of a <channel> in <channels>"
        } else if text.contains("keyref 'touchpointPersona'") {
            diagnostic.help = "a touchpoint's <persona ref=\"…\"/> must name the id of a <persona> in <personas>"
        } else if text.contains("'channelID'") {
            diagnostic.help = "each channel needs an id of its own"
        } else if text.contains("'personaID'") {
            diagnostic.help = "each persona needs an id of its own"
        } else if text.contains("'stageName'") {
            diagnostic.help = "each stage needs a name of its own"
        } else if text.contains("[facet 'minLength']") {
            diagnostic.help =
                "text is never empty, as in a .journey file: write it, or leave out the optional attribute"
        } else if text.contains("[facet 'pattern']") {
            diagnostic.help = "write a finite number, such as 2, -1.5 or 0.25"
        } else {
            diagnostic.help =
                "the document must follow the journey XML Schema (\(JourneySchema.version1.fileName)); "
                + "see docs/formats.md"
        }
        return diagnostic
    }

    /// A touchpoint's score outside the journey's `<scale>`.
    static func xmlScoreOutsideScale(_ text: String, scale: ScoreScale, at range: SourceRange) -> Diagnostic {
        .error(
            "score-outside-scale", "the score \(text) is outside the scale \(scale)", at: range,
            help: "use a score from \(NumberFormatting.plain(scale.minimum)) to "
                + "\(NumberFormatting.plain(scale.maximum)), or widen the <scale> element")
    }

    /// A touchpoint names a metric without being measured, which a `.journey` file cannot say.
    static func xmlMetricWithoutMeasured(_ metric: String, at range: SourceRange) -> Diagnostic {
        .error(
            "metric-without-measured", "the touchpoint names the metric '\(metric)' but is not measured", at: range,
            help: "add measured=\"true\" to the touchpoint, or remove its metric")
    }

    /// A channel gives the partner's view of the relationship without ours, which a `.journey`
    /// file cannot say.
    static func xmlTheirsWithoutVCP(at range: SourceRange) -> Diagnostic {
        .error(
            "theirs-without-vcp", "the channel gives the partner's level (vcpTheirs) but not ours (vcp)", at: range,
            help: "add vcp=\"…\" with our view of the relationship, or remove vcpTheirs")
    }

    /// A number the schema accepts but a journey cannot hold, such as 1e999.
    static func xmlNumberOutOfRange(_ text: String, attribute: String, at range: SourceRange) -> Diagnostic {
        .error(
            "number-out-of-range", "the \(attribute) '\(text)' is too large to be a number", at: range,
            help: "write a finite number, such as 2, -1.5 or 0.25")
    }

    /// The document's DOCTYPE declares an entity, which the journey format does not read: the
    /// document is refused before any reference is expanded.
    static func xmlEntityDeclaration(_ name: String, at range: SourceRange) -> Diagnostic {
        let entity = name.isEmpty ? "an entity" : "the entity '\(name)'"
        return .error(
            "xml-entity-reference",
            "the document declares \(entity) in its DOCTYPE, which journey XML does not support",
            at: range,
            help: "remove the DOCTYPE and write the text itself, or a character reference such as &#233; "
                + "(&amp; &lt; &gt; &quot; &apos; are fine)")
    }

    /// The document uses an entity that it does not declare (its DOCTYPE names an external
    /// DTD, which is never read): libxml2 cannot validate such a tree against a schema.
    static func xmlEntityReference(at range: SourceRange) -> Diagnostic {
        .error(
            "xml-entity-reference",
            "the document uses an entity declared in its DOCTYPE, which journey XML does not support",
            at: range,
            help:
                "write the text itself, or a character reference such as &#233; (&amp; &lt; &gt; &quot; &apos; are fine)"
        )
    }
}
