package dev.ranks.launcher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints arrays as numpy's {@code print} does with its default options, so the book recipes' output reads as the
 * books': brackets per dimension, integers right-aligned to the widest, floats in fixed point with the fewest
 * decimals that give back the float32, at most 8 ({@code floatmode='maxprec'}, {@code 1.} for a whole number),
 * aligned on the point and padded with spaces, lines wrapped at 75 characters, and a 1-D array of more than 1000 elements summarized by its first and last three.
 */
final class NumpyFormat {
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;

    private NumpyFormat() {
    }

    /** A row-major float32 matrix, {@code rows × cols}. */
    static String matrix(float[] values, int rows, int cols) {
        return matrix(floats(values), rows, cols);
    }

    /** A float32 vector. */
    static String vector(float[] values) {
        return vector(floats(values));
    }

    /** An integer vector. */
    static String vector(long[] values) {
        return vector(ints(values));
    }

    /** A row-major integer matrix, {@code rows × cols}. */
    static String matrix(long[] values, int rows, int cols) {
        return matrix(ints(values), rows, cols);
    }

    private static String matrix(String[] cells, int rows, int cols) {
        int width = width(cells);
        StringBuilder b = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            String[] row = new String[cols];
            System.arraycopy(cells, r * cols, row, 0, cols);
            b.append(r == 0 ? "" : "\n ").append(row(row, width, 2));
        }
        return b.append(']').toString();
    }

    private static String vector(String[] cells) {
        if (cells.length > THRESHOLD) {
            String[] shown = new String[2 * EDGE + 1];
            System.arraycopy(cells, 0, shown, 0, EDGE);
            shown[EDGE] = "...";
            System.arraycopy(cells, cells.length - EDGE, shown, EDGE + 1, EDGE);
            int width = width(shown);
            return row(shown, width, 1);
        }
        return row(cells, width(cells), 1);
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

    private static String[] ints(long[] values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = Long.toString(values[i]);
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
