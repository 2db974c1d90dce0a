package dev.lamina.processor.lint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting shared by rule messages, so every message writes numbers the same way. */
public final class LintText {

    private LintText() {}

    /**
     * A rate or probability, at most 4 decimals, no trailing zeros: {@code 0.5}, {@code 0.65}. A
     * value strictly between 0 and 1 that would round to 0 or 1 is written in full
     * ({@code 0.9999999}), so a message never says a dropout drops all or none of its units when it
     * does not.
     */
    public static String decimal(double value) {
        String rounded = decimal(value, 4);
        boolean wouldMislead = value > 0 && value < 1 && (rounded.equals("0") || rounded.equals("1"));
        return wouldMislead ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : rounded;
    }

    /** A number rounded to at most {@code places} decimals, no trailing zeros. */
    public static String decimal(double value, int places) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /** A count with thousands separators: {@code 1,179,648}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A share as a whole percentage: {@code 98%}. */
    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
