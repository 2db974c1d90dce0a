package dev.lamina.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Stratified sampling of example indices: every class keeps its share. */
final class Sampling {

    private Sampling() {}

    /**
     * Picks {@code n} indices so that each class gets its proportional share (largest remainders
     * round up, ties to the lower class), chosen at random within the class.
     *
     * @return the chosen indices in ascending order
     */
    static int[] stratified(int[] labels, int classes, int n, Random random) {
        if (n < 0 || n > labels.length) {
            throw new IllegalArgumentException("cannot pick " + n + " of " + labels.length
                    + " examples");
        }
        List<List<Integer>> byClass = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        int[] quota = quotas(byClass, labels.length, n);
        int[] chosen = new int[n];
        int next = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            for (int k = 0; k < quota[c]; k++) { // partial Fisher-Yates: first quota[c] at random
                int j = k + random.nextInt(members.size() - k);
                Integer swap = members.get(k);
                members.set(k, members.get(j));
                members.set(j, swap);
                chosen[next++] = members.get(k);
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** The ascending indices in [0, size) that are not in {@code chosen} (ascending). */
    static int[] complement(int[] chosen, int size) {
        int[] rest = new int[size - chosen.length];
        int r = 0;
        int c = 0;
        for (int i = 0; i < size; i++) {
            if (c < chosen.length && chosen[c] == i) {
                c++;
            } else {
                rest[r++] = i;
            }
        }
        return rest;
    }

    private static int[] quotas(List<List<Integer>> byClass, int total, int n) {
        int classes = byClass.size();
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) n * byClass.get(c).size() / total;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        while (assigned < n) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (quota[c] < byClass.get(c).size()
                        && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
        return quota;
    }
}
