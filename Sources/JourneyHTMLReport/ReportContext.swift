import JourneyLanguage

/// What a report template sees: the journey, its metrics and its chart, as text ready to print.
///
/// Every value is already formatted (numbers as `journey metrics` writes them, `–` where a
/// value does not apply) so that a template only places it. Text from the journey file is
/// inserted with `{{key}}`, which escapes it; `chart.svg` is markup and goes in with
/// `{{{chart.svg}}}`. Booleans open sections (`{{#isWeakest}}…{{/isWeakest}}`), lists repeat
/// them, and a value that is absent (nil) renders its inverted section (`{{^worth}}…{{/worth}}`).
/// docs/report.md lists every key.
///
/// The context holds no time and no path, so a report is byte-identical from run to run.
public struct ReportContext: Hashable, Sendable {
    /// The journey's title.
    public var title: String
    /// Where the stages' reach comes from (`ReachSource.description`): the journey file's plan,
    /// or the event log it was measured from, with its window, mode, dates and customers.
    public var reachSource: String
    /// The personas, in file order.
    public var personas: [Persona]
    /// Whether the journey names any persona.
    public var hasPersonas: Bool
    /// `current` or `future`.
    public var state: String
    /// `Current state` or `Future state`.
    public var stateLabel: String
    /// The score scale as written in the file, such as `-5..5`.
    public var scale: String
    /// The tool's version, such as `0.1.0`.
    public var version: String
    /// `journey` and its version, for the footer and the `generator` meta tag.
    public var generator: String
    /// The key figures for the top of the report.
    public var summary: Summary
    /// The dashboard chart.
    public var chart: Chart
    /// One row per stage in funnel order, with every column of `journey metrics`.
    public var stages: [StageRow]
    /// What the experience and control columns mean, in two sentences.
    public var metricsNote: String
    /// The stage to fix first, explained; nil for a single-stage funnel.
    public var weakest: Weakest?
    /// Why there is no weakest stage, when `weakest` is nil.
    public var noWeakestReason: String?
    /// The pain points, most urgent first.
    public var painPoints: [PainPoint]
    /// Whether the journey has any pain point.
    public var hasPainPoints: Bool
    /// The ideas of every touchpoint and the stages below target.
    public var opportunities: Opportunities
    /// The partners rated with `vcp` and how many reach profitability; nil when the journey
    /// rates none, and the bundled report then says nothing of partners.
    public var partners: Partners?
    /// The customers of a purchase log on the relationship ladder; nil when the report was made
    /// without one, and then the bundled template leaves the section out.
    public var ladder: Ladder?

    /// A persona of the journey.
    public struct Persona: Hashable, Sendable {
        /// The name touchpoints use for it.
        public var id: String
        /// Who the persona is; nil when the file gives no description.
        public var description: String?
        /// The description, or the id when there is none.
        public var label: String
    }

    /// The key figures of the journey.
    public struct Summary: Hashable, Sendable {
        /// The number of stages, touchpoints and pain points.
        public var stageCount: Int
        public var touchpointCount: Int
        public var painPointCount: Int
        /// The first stage's name and reach (`120,000`).
        public var firstStage: String
        public var entered: String
        /// The last stage's name and reach.
        public var lastStage: String
        public var completed: String
        /// The share of the first stage's people who reach the last stage (`2.2%`), or, under
        /// 1%, as a count (`1 in 3,000 (0.03%)`), never rounded to `0%`.
        public var overallConversion: String
        /// The number of stages converting below their target.
        public var belowTargetCount: Int
        /// The counts in words, singular or plural: `5 stages, 10 touchpoints`.
        public var stagesAndTouchpoints: String
        /// `stage below target` or `stages below target`, after `belowTargetCount`.
        public var belowTargetLabel: String
        /// `pain point` or `pain points`, after `painPointCount`.
        public var painPointLabel: String
        /// The verdict of `journey metrics` in one paragraph.
        public var verdict: String
    }

    /// The dashboard chart, inline.
    public struct Chart: Hashable, Sendable {
        /// The `<svg>` element: insert it unescaped, `{{{chart.svg}}}`.
        public var svg: String
        /// Its size in px.
        public var width: Int
        public var height: Int
        /// The chart theme's name.
        public var theme: String
        /// What the chart shows, in words, for a caption.
        public var caption: String
    }

    /// A row of the metrics table.
    public struct StageRow: Hashable, Sendable {
        /// The stage's position in the funnel, from 1.
        public var number: Int
        public var name: String
        /// The columns of `journey metrics`, formatted; `–` where a value does not apply.
        public var reach: String
        public var conversion: String
        public var target: String
        public var dropOff: String
        /// The mean score with the lowest and highest, `-1 (-4 to +2)`.
        public var experience: String
        public var painPoints: Int
        public var influence: String
        public var measurement: String
        public var control: String
        /// Whether this is the weakest stage.
        public var isWeakest: Bool
        /// Whether it converts below its target.
        public var isBelowTarget: Bool
        /// `weakest stage`, `below target`, `on target`, or `–` without a target or a next stage.
        public var status: String
    }

    /// The weakest stage and what to do about it.
    public struct Weakest: Hashable, Sendable {
        public var name: String
        /// Why this stage: one sentence.
        public var reason: String
        /// What meeting its target is worth (`journey weakest`'s sentence); nil when nothing.
        public var worth: String?
        /// Whether the shortfall is significant, and a small-sample warning; nil when neither applies.
        public var confidence: String?
        /// The stages the data cannot tell apart from this one, one sentence; nil when none.
        public var nearTie: String?
        /// The small-sample warning alone, for the summary's "Fix first" card; nil for 30 people or more.
        public var smallSample: String?
        public var conversion: String
        /// The target, or `–` when the stage was chosen by lowest conversion.
        public var target: String
        /// How far below target, points first (`15.5 points short (31.1% below target)`), or `–`.
        public var shortfall: String
        /// The people recoverable at the end of the funnel (`1,174`); nil without a target or when all are lost.
        public var recoverable: String?
        public var isSignificant: Bool
        public var isSmallSample: Bool
        public var isAllLost: Bool
        public var control: String
        public var influence: String
        public var measurement: String
        /// Whether the company owns and measures everything in the stage.
        public var isFullyControlled: Bool
        /// Whether the stage has no touchpoint at all.
        public var hasNoTouchpoints: Bool
        /// The touchpoints that hold control back, and how to raise it.
        public var controlGaps: [ControlGap]
        public var hasControlGaps: Bool
    }

    /// A touchpoint of the weakest stage that is unmeasured or not on an owned channel.
    public struct ControlGap: Hashable, Sendable {
        public var touchpoint: String
        public var isUnmeasured: Bool
        /// The channel, when it is not owned; nil for owned channels and touchpoints without one.
        public var channel: String?
        /// The channel's media (`owned`, `paid`, `partner`, `earned`), nil without a channel.
        public var media: String?
        /// What to do, in one sentence per problem.
        public var advice: [String]
    }

    /// A pain point, in rank order.
    public struct PainPoint: Hashable, Sendable {
        /// Its rank, from 1: the number the chart's pain notes give it.
        public var rank: Int
        /// The touchpoint's name.
        public var name: String
        /// The stage it belongs to.
        public var stage: String
        /// The score, signed (`-4`).
        public var score: String
        /// The channel's id, nil when none.
        public var channel: String?
        public var isInWeakestStage: Bool
        public var pains: [String]
        public var ideas: [String]
        public var thoughts: [String]
        public var hasPains: Bool
        public var hasIdeas: Bool
        public var hasThoughts: Bool
    }

    /// What could be done: every idea, by stage, and the other stages below target.
    public struct Opportunities: Hashable, Sendable {
        /// The stages with ideas, most urgent first: the weakest, then by shortfall, then in funnel order.
        public var stages: [OpportunityStage]
        public var hasIdeas: Bool
        /// The stages below target other than the weakest, in funnel order.
        public var belowTarget: [BelowTarget]
        public var hasBelowTarget: Bool
    }

    /// A stage and the ideas of its touchpoints.
    public struct OpportunityStage: Hashable, Sendable {
        public var stage: String
        public var isWeakest: Bool
        /// `weakest stage`, `31.1% below target`, or `on target` / `no target`.
        public var status: String
        /// The ideas, from the lowest-scored touchpoint to the highest, then in file order.
        public var ideas: [Idea]
    }

    /// An idea and the touchpoint it is about.
    public struct Idea: Hashable, Sendable {
        public var idea: String
        public var touchpoint: String
        /// The touchpoint's score, signed.
        public var score: String
        public var isPainPoint: Bool
    }

    /// The partners rated with `vcp`, against the 4 or 5 at profitability to aim for.
    public struct Partners: Hashable, Sendable {
        /// One row per rated partner, in file order.
        public var rows: [PartnerRow]
        /// How many partners reach profitability.
        public var profitableCount: Int
        /// How many reach profitability and which, in a sentence or two (`journey weakest`'s).
        public var summary: String
        /// What to do when fewer than 4 reach profitability; nil otherwise.
        public var recommendation: String?
        /// Whether fewer than 4 partners reach profitability.
        public var isBelowAim: Bool
        /// What the level column means, in one sentence.
        public var note: String
    }

    /// A partner and where the relationship stands.
    public struct PartnerRow: Hashable, Sendable {
        /// The channel's id.
        public var channel: String
        /// `partner` or `earned`.
        public var media: String
        /// Our view and theirs (`–` when unknown), each `visibility`, `credibility` or `profitability`.
        public var ours: String
        public var theirs: String
        /// The lower of the two views.
        public var level: String
        public var isProfitable: Bool
    }

    /// A stage below target other than the weakest, with what meeting its target is worth.
    public struct BelowTarget: Hashable, Sendable {
        public var stage: String
        public var conversion: String
        public var target: String
        /// How far below target, points first: `10 points short (25% below target)`.
        public var shortfall: String
        /// What meeting its target is worth, one sentence: `Meeting its target would bring about 867 more
        /// people to the end of the funnel (Loyalty).`, or that it converts nobody.
        public var worth: String
    }

    /// The customers of a purchase log on the relationship ladder: its chart and its table.
    public struct Ladder: Hashable, Sendable {
        /// The ladder chart, inline: `{{{chart.svg}}}` inside `{{#ladder}}`.
        public var chart: Chart
        /// The purchase log's name, such as `purchases.csv`.
        public var source: String
        /// The day the customers were classified at, `YYYY-MM-DD`.
        public var asOf: String
        /// The rules in words: `lost after 2 × their usual gap; an account from 5 purchase days`.
        public var rules: String
        /// The rungs, from the bottom of the ladder (prospect) up.
        public var rungs: [LadderRow]
        /// Sentences on what the figures leave out, such as the rungs that need a contacts file.
        public var notes: [String]
        public var hasNotes: Bool
    }

    /// A rung of the ladder table.
    public struct LadderRow: Hashable, Sendable {
        /// The rung's name, such as `tester`.
        public var rung: String
        /// What it takes to stand on it, such as `one purchase day`.
        public var condition: String
        /// The customers on this rung or higher (`23,570`).
        public var customers: String
        /// The share of the rung before who reach this one or higher (`48.9%`); `–` for the first
        /// rung and after an empty one.
        public var conversion: String
        /// How many of `customers` are lost (`17,266`).
        public var lost: String
        /// Their share of `customers` (`73.3%`); `–` for an empty rung.
        public var lostShare: String
        /// Whether no customer stands on this rung or higher.
        public var isEmpty: Bool
    }
}
