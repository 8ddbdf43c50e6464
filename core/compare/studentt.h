// SPDX-License-Identifier: MIT

#pragma once

namespace Stressdeck {

//! Student's t and the standard normal distribution: distribution functions and quantiles, for
//! real (non-integer) degrees of freedom as the Welch–Satterthwaite approximation produces them.
//! The t distribution function goes through the regularized incomplete beta function, evaluated
//! with its continued fraction (modified Lentz); the quantile inverts it with Newton steps kept
//! inside a bisection bracket, so it converges for any ν > 0 and is accurate to about 1e-12
//! relative for 1e-12 < p < 1 − 1e-12. No state, no allocation, no dependency beyond <cmath>.
class StudentT {
public:
    //! P(T ≤ t) for T ~ t(ν), ν > 0. NaN for ν ≤ 0 or NaN arguments.
    static double cdf(double t, double df);
    //! Density of t(ν) at t.
    static double pdf(double t, double df);
    //! The t with P(T ≤ t) = p, 0 < p < 1, ν > 0; ±infinity at p = 0 or 1, NaN outside.
    static double quantile(double p, double df);

    //! Φ⁻¹(p) of the standard normal distribution (Acklam's rational start, one Halley step on erfc).
    static double normalQuantile(double p);
    //! Φ(x) of the standard normal distribution.
    static double normalCdf(double x);

    //! I_x(a, b), the regularized incomplete beta function, a, b > 0, 0 ≤ x ≤ 1.
    static double regularizedIncompleteBeta(double a, double b, double x);
};

} // namespace Stressdeck
