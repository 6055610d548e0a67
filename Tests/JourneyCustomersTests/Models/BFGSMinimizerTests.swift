import Testing

@testable import JourneyCustomers

/// The optimiser on functions whose minimum is known.
@Suite struct BFGSMinimizerTests {
    @Test func aQuadraticBowl() {
        let centre = SIMD4<Double>(1, -2, 3, 0.5)
        let weights = SIMD4<Double>(1, 10, 100, 0.1)
        let result = BFGSMinimizer(gradientTolerance: 1e-12).minimize(from: .zero) { point in
            let offset = point - centre
            return ((weights * offset * offset).sum(), 2 * weights * offset)
        }
        #expect(result.converged)
        #expect(BFGSMinimizer.largest(result.point - centre) < 1e-10)
    }

    @Test func rosenbrocksValley() {
        // Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², with its minimum 0 at (1, 1, 1, 1).
        let result = BFGSMinimizer(gradientTolerance: 1e-10).minimize(from: SIMD4(-1.2, 1, -1.2, 1)) { x in
            var value = 0.0
            var gradient = SIMD4<Double>.zero
            for i in 0..<3 {
                let valley = x[i + 1] - x[i] * x[i]
                value += 100 * valley * valley + (1 - x[i]) * (1 - x[i])
                gradient[i] += -400 * x[i] * valley - 2 * (1 - x[i])
                gradient[i + 1] += 200 * valley
            }
            return (value, gradient)
        }
        #expect(result.converged)
        #expect(BFGSMinimizer.largest(result.point - SIMD4(1, 1, 1, 1)) < 1e-8)
    }

    @Test func pointsOutsideTheDomainAreAvoided() {
        // Infinite for x₀ ≥ 1: the search backs off from the first step, which would cross it.
        let result = BFGSMinimizer(gradientTolerance: 1e-10).minimize(from: .zero) { x in
            guard x[0] < 1 else { return (.infinity, .zero) }
            let offset = x - SIMD4(0.9, 0, 0, 0)
            return (
                (offset * offset).sum() - 0.01 * (1 - x[0]).squareRoot(),
                2 * offset + SIMD4(0.005 / (1 - x[0]).squareRoot(), 0, 0, 0)
            )
        }
        #expect(result.converged)
        #expect(result.point[0] < 1)
    }
}
