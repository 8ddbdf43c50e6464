// SPDX-License-Identifier: MIT

#include "studentt.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace Stressdeck {

namespace {

constexpr double Nan = std::numeric_limits<double>::quiet_NaN();
constexpr double Infinity = std::numeric_limits<double>::infinity();

// Continued fraction of I_x(a, b) (Numerical Recipes' betacf, modified Lentz); converges fast for
// x < (a + 1) / (a + b + 2), which the caller arranges by symmetry.
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double Tiny = 1e-300;
    constexpr double Epsilon = 1e-16;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < Tiny)
        d = Tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < Tiny)
            d = Tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < Tiny)
            c = Tiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < Tiny)
            d = Tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < Tiny)
            c = Tiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < Epsilon)
            break;
    }
    return h;
}

} // namespace

double StudentT::regularizedIncompleteBeta(double a, double b, double x)
{
    if (!(a > 0) || !(b > 0) || !(x >= 0) || !(x <= 1))
        return Nan;
    if (x == 0 || x == 1)
        return x;
    const double logFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(logFront);
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

double StudentT::cdf(double t, double df)
{
    if (!(df > 0) || std::isnan(t))
        return Nan;
    if (std::isinf(t))
        return t > 0 ? 1.0 : 0.0;
    // With x = ν / (ν + t²), P(|T| > |t|) = I_x(ν/2, 1/2). For small t, x is close to 1 and loses
    // digits, so take the complement through 1 − x = t² / (ν + t²) computed directly.
    const double t2 = t * t;
    double tail; // P(T > |t|)
    if (t2 < df) {
        const double oneMinusX = t2 / (df + t2);
        tail = 0.5 * (1.0 - regularizedIncompleteBeta(0.5, df / 2.0, oneMinusX));
    } else {
        tail = 0.5 * regularizedIncompleteBeta(df / 2.0, 0.5, df / (df + t2));
    }
    return t > 0 ? 1.0 - tail : tail;
}

double StudentT::pdf(double t, double df)
{
    if (!(df > 0) || std::isnan(t))
        return Nan;
    const double logDensity = std::lgamma((df + 1.0) / 2.0) - std::lgamma(df / 2.0)
        - 0.5 * std::log(df * std::numbers::pi) - (df + 1.0) / 2.0 * std::log1p(t * t / df);
    return std::exp(logDensity);
}

double StudentT::quantile(double p, double df)
{
    if (!(df > 0) || !(p >= 0) || !(p <= 1))
        return Nan;
    if (p == 0)
        return -Infinity;
    if (p == 1)
        return Infinity;
    if (p == 0.5)
        return 0.0;
    // Solve for the upper half and mirror: P(T ≤ t) = q with q > 1/2, so t > 0.
    const bool lower = p < 0.5;
    const double q = lower ? 1.0 - p : p;
    double low = 0.0;
    double high = 1.0;
    while (cdf(high, df) < q && high < 1e300)
        high *= 2.0;
    double t = std::fmin(std::fmax(normalQuantile(q), low), high);
    if (!(t > low && t < high))
        t = 0.5 * (low + high);
    for (int i = 0; i < 400; ++i) {
        const double f = cdf(t, df) - q;
        if (f == 0)
            break;
        if (f < 0)
            low = t;
        else
            high = t;
        const double density = pdf(t, df);
        double next = density > 0 ? t - f / density : Nan;
        if (!(next > low && next < high))
            next = 0.5 * (low + high);
        const bool converged = std::fabs(next - t) <= 1e-14 * std::fabs(next) || high - low <= 1e-15 * high;
        t = next;
        if (converged)
            break;
    }
    return lower ? -t : t;
}

double StudentT::normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double StudentT::normalQuantile(double p)
{
    if (!(p >= 0) || !(p <= 1))
        return Nan;
    if (p == 0)
        return -Infinity;
    if (p == 1)
        return Infinity;
    // Peter Acklam's rational approximation (relative error 1.15e-9), then one Halley step.
    static constexpr double A[] = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
    static constexpr double B[] = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01 };
    static constexpr double C[] = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
    static constexpr double D[]
        = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
    constexpr double Low = 0.02425;
    double x;
    if (p < Low) {
        const double q = std::sqrt(-2.0 * std::log(p));
        x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
    } else if (p <= 1.0 - Low) {
        const double q = p - 0.5;
        const double r = q * q;
        x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0);
    } else {
        const double q = std::sqrt(-2.0 * std::log1p(-p));
        x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
    }
    const double e = normalCdf(x) - p;
    const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(x * x / 2.0);
    return x - u / (1.0 + x * u / 2.0);
}

} // namespace Stressdeck
