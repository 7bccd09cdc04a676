package dev.interlock.engine.analyses;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum likelihood over a few unconstrained parameters (estimators pass log-parameters, so positive
 * quantities stay positive): Nelder–Mead (commons-math's {@code SimplexOptimizer}) from a starting point,
 * polished by Newton steps, then standard errors from the observed information — the inverse of minus
 * the Hessian of the log-likelihood at the maximum, by central finite differences (step 1e-3, which for
 * log-parameters is a relative step of 0.1 %).
 */
final class MaxLikelihood {
    private static final double H = 1e-3;

    private MaxLikelihood() {
    }

    /**
     * @param theta      the maximising parameters
     * @param logLik     the log-likelihood there
     * @param covariance the inverse observed information, or null when minus the Hessian is not positive
     *                   definite (a parameter is not identified by the data)
     */
    record Fit(double[] theta, double logLik, double[][] covariance) {
        /** Standard error of parameter i; NaN when not identified. */
        double se(int i) {
            return covariance == null ? Double.NaN : Math.sqrt(covariance[i][i]);
        }

        /** Correlation of parameters i and j; NaN when not identified. */
        double correlation(int i, int j) {
            return covariance == null ? Double.NaN : covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
        }
    }

    static Fit maximize(ToDoubleFunction<double[]> logLik, double[] start) {
        int k = start.length;
        ToDoubleFunction<double[]> f = x -> {
            double v = logLik.applyAsDouble(x);
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        };
        double[] steps = new double[k];
        java.util.Arrays.fill(steps, 0.5);
        double[] x = start.clone();
        double best = f.applyAsDouble(x);
        // Two Nelder–Mead restarts: the second from the first's optimum, which guards against a collapsed simplex.
        for (int round = 0; round < 2; round++) {
            SimplexOptimizer opt = new SimplexOptimizer(1e-13, 1e-13);
            PointValuePair p = opt.optimize(new MaxEval(20_000), new ObjectiveFunction(f::applyAsDouble),
                    GoalType.MAXIMIZE, new InitialGuess(x), new NelderMeadSimplex(steps));
            if (p.getValue() >= best) {
                x = p.getPoint();
                best = p.getValue();
            }
            java.util.Arrays.fill(steps, 0.05);
        }
        for (int it = 0; it < 20; it++) {
            double[] g = gradient(f, x);
            double[][] negH = negativeHessian(f, x);
            double[] step = solve(negH, g);
            if (step == null) {
                break;
            }
            double[] y = new double[k];
            for (int i = 0; i < k; i++) {
                y[i] = x[i] + step[i];
            }
            double v = f.applyAsDouble(y);
            if (!(v > best)) {
                break;
            }
            x = y;
            best = v;
        }
        return new Fit(x, best, covariance(negativeHessian(f, x)));
    }

    private static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = (at(f, x, i, H) - at(f, x, i, -H)) / (2 * H);
        }
        return g;
    }

    static double[][] negativeHessian(ToDoubleFunction<double[]> f, double[] x) {
        int k = x.length;
        double f0 = f.applyAsDouble(x);
        double[][] h = new double[k][k];
        for (int i = 0; i < k; i++) {
            h[i][i] = -(at(f, x, i, H) - 2 * f0 + at(f, x, i, -H)) / (H * H);
            for (int j = 0; j < i; j++) {
                double pp = at2(f, x, i, H, j, H);
                double pm = at2(f, x, i, H, j, -H);
                double mp = at2(f, x, i, -H, j, H);
                double mm = at2(f, x, i, -H, j, -H);
                h[i][j] = -(pp - pm - mp + mm) / (4 * H * H);
                h[j][i] = h[i][j];
            }
        }
        return h;
    }

    private static double at(ToDoubleFunction<double[]> f, double[] x, int i, double d) {
        double[] y = x.clone();
        y[i] += d;
        return f.applyAsDouble(y);
    }

    private static double at2(ToDoubleFunction<double[]> f, double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        y[j] += dj;
        return f.applyAsDouble(y);
    }

    /** (−H)⁻¹ when −H is positive definite and finite, else null. */
    static double[][] covariance(double[][] negH) {
        for (double[] row : negH) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
        }
        try {
            RealMatrix m = new Array2DRowRealMatrix(negH);
            return new CholeskyDecomposition(m, 1e-12, 1e-14).getSolver().getInverse().getData();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return null;
        }
    }

    private static double[] solve(double[][] negH, double[] g) {
        double[][] cov = covariance(negH);
        if (cov == null) {
            return null;
        }
        double[] s = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                s[i] += cov[i][j] * g[j];
            }
        }
        return s;
    }
}
