import JourneyCustomers
import JourneyLanguage

/// The customers of a purchase log, classified at one date, with what they were read from.
struct ClassifiedPurchases {
    /// Every customer's standing at the as-of date, contacts and survey answers joined.
    var base: CustomerBase
    /// The log's name as diagnostics and reports give it: its path, or `<stdin>`.
    var source: String
    /// The contacts, when `--contacts` gave them.
    var contacts: ContactList?
    /// The survey's scale and answers, when `--survey` gave one.
    var survey: (scale: RecommendScale, answers: SurveyAnswers)?
}
