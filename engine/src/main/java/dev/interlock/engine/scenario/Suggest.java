package dev.interlock.engine.scenario;

import java.util.Collection;

/** Nearest-key suggestions for misspelt keys ("did you mean `win_rate`?"), by Damerau–Levenshtein distance. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * The candidate closest to {@code word}, or null when none is close enough to be a plausible typo
     * (distance at most a third of the longer word, and at most 3), or a candidate that contains the
     * word or is contained in it.
     */
    public static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        int limit = Math.min(3, Math.max(1, Math.max(word.length(), best.length()) / 3));
        if (bestDistance <= limit) {
            return best;
        }
        for (String c : candidates) {
            if (word.length() >= 3 && (c.contains(word) || word.contains(c))) {
                return c;
            }
        }
        return null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
