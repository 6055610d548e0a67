/// Minimises a smooth function of four variables with the BFGS quasi-Newton method and a
/// backtracking line search, from its value and exact gradient.
///
/// The models' log-likelihoods have analytic gradients, so BFGS needs a few dozen evaluations
/// where Nelder–Mead needs hundreds; each evaluation costs a pass over the grouped data.
struct BFGSMinimizer {
    /// Convergence: the largest component of the gradient at most this.
    var gradientTolerance: Double
    /// The most iterations (each one line search) before giving up.
    var maximumIterations = 500
    /// The largest change of any variable in one step, so that a first step in the log of a
    /// parameter never leaps to where the function overflows.
    var maximumStep = 2.0

    /// Where the search ended, and whether the gradient there is within the tolerance.
    struct Result {
        var point: SIMD4<Double>
        var value: Double
        var gradient: SIMD4<Double>
        var iterations: Int
        var converged: Bool
    }

    /// A 4 × 4 matrix as its rows.
    private typealias Matrix = [SIMD4<Double>]

    /// Minimises `function`, which returns the value and gradient at a point (a value that is not
    /// finite counts as outside the domain), from `start`.
    func minimize(
        from start: SIMD4<Double>, _ function: (SIMD4<Double>) -> (value: Double, gradient: SIMD4<Double>)
    ) -> Result {
        var point = start
        var (value, gradient) = function(point)
        let identity: Matrix = (0..<4).map { row in SIMD4((0..<4).map { $0 == row ? 1.0 : 0.0 }) }
        // The approximation of the inverse Hessian.
        var inverse = identity
        var iterations = 0
        while iterations < maximumIterations {
            if Self.largest(gradient) <= gradientTolerance { break }
            iterations += 1
            var direction = -Self.product(inverse, gradient)
            var slope = (direction * gradient).sum()
            if !(slope < 0) {
                // Not a descent direction (rounding or a poor approximation): start again from the gradient.
                inverse = identity
                direction = -gradient
                slope = (direction * gradient).sum()
            }
            var step = min(1, maximumStep / Self.largest(direction))
            var accepted: (point: SIMD4<Double>, value: Double, gradient: SIMD4<Double>)?
            // Halving the step until it is accepted; 60 halvings reach the rounding of the point.
            for _ in 0..<60 {
                let candidate = point + step * direction
                let (candidateValue, candidateGradient) = function(candidate)
                if candidateValue.isFinite, Self.largest(candidateGradient).isFinite,
                    Self.accepts(
                        step: step, value: value, slope: slope, candidateValue: candidateValue,
                        candidateSlope: (candidateGradient * direction).sum())
                {
                    accepted = (candidate, candidateValue, candidateGradient)
                    break
                }
                step /= 2
            }
            // No step lowers the value, or the point no longer moves: as close as doubles go.
            guard let accepted, accepted.point != point else { break }
            let moved = accepted.point - point
            let change = accepted.gradient - gradient
            let curvature = (moved * change).sum()
            if curvature > 1e-12 * Self.length(moved) * Self.length(change) {
                if iterations == 1 {
                    // Scale the first approximation to the function's curvature (Nocedal and Wright, 6.20).
                    let scale = curvature / (change * change).sum()
                    inverse = inverse.map { $0 * scale }
                }
                inverse = Self.updated(inverse, moved: moved, change: change, curvature: curvature)
            }
            (point, value, gradient) = accepted
        }
        return Result(
            point: point, value: value, gradient: gradient, iterations: iterations,
            converged: Self.largest(gradient) <= gradientTolerance)
    }

    /// Whether a step of length `step` along a direction of slope `slope` (negative) is accepted.
    ///
    /// Armijo's condition asks for a decrease in value of at least 10⁻⁴ of what the slope
    /// promises. Near the minimum that decrease is below the rounding of a sum over thousands of
    /// customers, and the values compared are noise; the gradient is still accurate there. So a
    /// step is also accepted when the value has not risen beyond rounding and the slope at the new
    /// point is at most the old slope's magnitude: along the line, the step has not gone past the
    /// minimum by more than the distance to it (Hager and Zhang's approximate Wolfe condition).
    private static func accepts(
        step: Double, value: Double, slope: Double, candidateValue: Double, candidateSlope: Double
    ) -> Bool {
        if candidateValue <= value + 1e-4 * step * slope { return true }
        return candidateValue <= value + 1e-10 * max(1, abs(value)) && candidateSlope <= (1 - 2e-4) * -slope
    }

    /// The BFGS update of the inverse Hessian H with step s, gradient change y and s·y = ρ⁻¹:
    /// (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ.
    private static func updated(
        _ inverse: Matrix, moved: SIMD4<Double>, change: SIMD4<Double>, curvature: Double
    ) -> Matrix {
        let rho = 1 / curvature
        let inverseTimesChange = product(inverse, change)  // H y (H is symmetric)
        let changeInverseChange = (change * inverseTimesChange).sum()  // yᵀ H y
        let outer = rho * rho * changeInverseChange + rho
        return (0..<4).map { row in
            // H − ρ (H y sᵀ + s yᵀ H) + (ρ² yᵀ H y + ρ) s sᵀ
            let cross: SIMD4<Double> = inverseTimesChange[row] * moved + moved[row] * inverseTimesChange
            let square: SIMD4<Double> = (outer * moved[row]) * moved
            return inverse[row] - rho * cross + square
        }
    }

    private static func product(_ matrix: Matrix, _ vector: SIMD4<Double>) -> SIMD4<Double> {
        SIMD4((0..<4).map { (matrix[$0] * vector).sum() })
    }

    /// The largest magnitude among the components of `vector`.
    static func largest(_ vector: SIMD4<Double>) -> Double {
        max(max(abs(vector[0]), abs(vector[1])), max(abs(vector[2]), abs(vector[3])))
    }

    private static func length(_ vector: SIMD4<Double>) -> Double {
        (vector * vector).sum().squareRoot()
    }
}
