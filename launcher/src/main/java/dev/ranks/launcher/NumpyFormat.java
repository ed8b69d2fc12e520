package dev.ranks.launcher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Prints arrays as numpy's {@code print} does with its default options, so the book recipes' output reads as the
 * books': brackets per dimension, integers right-aligned to the widest, floats in fixed point with the fewest
 * decimals that give back the float32, at most 8 ({@code floatmode='maxprec'}, {@code 1.} for a whole number),
 * aligned on the point and padded with spaces, lines wrapped at 75 characters, and an array of more than 1000 elements
 * summarized by the first and last three of each axis, the widths taken from the values shown.
 */
final class NumpyFormat {
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;

    private NumpyFormat() {
    }

    /** A row-major float32 matrix, {@code rows × cols}. */
    static String matrix(float[] values, int rows, int cols) {
        return matrix(rows, cols, values.length > THRESHOLD, picked -> floats(pick(values, picked)));
    }

    /** A float32 vector. */
    static String vector(float[] values) {
        return matrix(0, values.length, values.length > THRESHOLD, picked -> floats(pick(values, picked)));
    }

    /** An integer vector. */
    static String vector(long[] values) {
        return matrix(0, values.length, values.length > THRESHOLD, picked -> ints(values, picked));
    }

    /** A row-major integer matrix, {@code rows × cols}. */
    static String matrix(long[] values, int rows, int cols) {
        return matrix(rows, cols, values.length > THRESHOLD, picked -> ints(values, picked));
    }

    /**
     * A float32 scalar as numpy's {@code print} shows it: the shortest decimal that reads back as the float32, with
     * {@code .0} for a whole number ({@code 21253400.0}).
     */
    static String scalar(float value) {
        String plain = new BigDecimal(Float.toString(value)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /**
     * An {@code rows × cols} matrix, or with {@code rows == 0} a vector of {@code cols}. Summarized, numpy shows the
     * first and last three of each axis longer than six, with {@code ...} between, and sizes the cells from the shown
     * values only; {@code format} turns the shown values' row-major indices into their cells.
     */
    private static String matrix(int rows, int cols, boolean summarize, Function<int[], String[]> format) {
        int[] shownRows = shown(Math.max(rows, 1), summarize);
        int[] shownCols = shown(cols, summarize);
        int[] picked = Arrays.stream(shownRows).filter(r -> r >= 0)
                .flatMap(r -> Arrays.stream(shownCols).filter(c -> c >= 0).map(c -> r * cols + c)).toArray();
        String[] cells = format.apply(picked);
        int width = width(cells);
        int depth = rows == 0 ? 1 : 2;
        StringBuilder b = new StringBuilder(rows == 0 ? "" : "[");
        for (int k = 0, next = 0; k < shownRows.length; k++) {
            b.append(k == 0 ? "" : "\n ");
            if (shownRows[k] < 0) {
                b.append("...");
                continue;
            }
            List<String> row = new ArrayList<>();
            for (int c : shownCols) {
                row.add(c < 0 ? "..." : cells[next++]);
            }
            b.append(row(row.toArray(String[]::new), width, depth));
        }
        return b.append(rows == 0 ? "" : "]").toString();
    }

    // The indices numpy shows along an axis of n, -1 standing for the "...".
    private static int[] shown(int n, boolean summarize) {
        if (!summarize || n <= 2 * EDGE) {
            return IntStream.range(0, n).toArray();
        }
        return IntStream.concat(IntStream.concat(IntStream.range(0, EDGE), IntStream.of(-1)),
                IntStream.range(n - EDGE, n)).toArray();
    }

    private static float[] pick(float[] values, int[] picked) {
        float[] result = new float[picked.length];
        for (int i = 0; i < picked.length; i++) {
            result[i] = values[picked[i]];
        }
        return result;
    }

    // One bracketed row, wrapped at the line width, continuation lines indented past the brackets open.
    private static String row(String[] cells, int width, int depth) {
        StringBuilder b = new StringBuilder("[");
        int line = depth;
        String indent = " ".repeat(depth);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].equals("...") ? "..." : pad(cells[i], width);
            int closing = i == cells.length - 1 ? depth : 0;
            if (i > 0) {
                if (line + 1 + cell.length() + closing > LINE_WIDTH) {
                    b.append('\n').append(indent);
                    line = depth;
                } else {
                    b.append(' ');
                    line++;
                }
            }
            b.append(cell);
            line += cell.length();
        }
        return b.append(']').toString();
    }

    private static String pad(String cell, int width) {
        return " ".repeat(Math.max(0, width - cell.length())) + cell;
    }

    private static int width(String[] cells) {
        int width = 0;
        for (String cell : cells) {
            if (!cell.equals("...")) {
                width = Math.max(width, cell.length());
            }
        }
        return width;
    }

    private static String[] ints(long[] values, int[] picked) {
        String[] cells = new String[picked.length];
        for (int i = 0; i < picked.length; i++) {
            cells[i] = Long.toString(values[picked[i]]);
        }
        return cells;
    }

    // float32 values as numpy prints them: each to the shortest decimal that reads back as the same float32, at most
    // 8 decimals, then aligned on the point, the integer parts padded left and the decimals right, with spaces.
    private static String[] floats(float[] values) {
        String[] whole = new String[values.length];
        String[] fraction = new String[values.length];
        int wholeWidth = 0;
        int fractionWidth = 0;
        for (int i = 0; i < values.length; i++) {
            BigDecimal d = new BigDecimal(Float.toString(values[i])).setScale(8, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            String plain = d.scale() <= 0 ? d.setScale(0).toPlainString() + "." : d.toPlainString();
            if (values[i] == 0 && Float.floatToRawIntBits(values[i]) != 0) {
                plain = "-" + plain;
            }
            int point = plain.indexOf('.');
            whole[i] = plain.substring(0, point);
            fraction[i] = plain.substring(point + 1);
            wholeWidth = Math.max(wholeWidth, whole[i].length());
            fractionWidth = Math.max(fractionWidth, fraction[i].length());
        }
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = pad(whole[i], wholeWidth) + "." + fraction[i] + " ".repeat(fractionWidth - fraction[i].length());
        }
        return cells;
    }
}
