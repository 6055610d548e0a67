import Foundation

/// Small numbers such as a gradient or a tolerance, written the same way on every machine.
enum ScientificNotation {
    /// `value` with `digits` decimals in scientific notation and no padded exponent: `1.5e-10`, `1e-9`.
    static func text(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)e", value)
            .replacingOccurrences(of: "e-0", with: "e-")
            .replacingOccurrences(of: "e+0", with: "e+")
            .replacingOccurrences(of: "e+", with: "e")
    }
}
