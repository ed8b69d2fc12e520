package dev.ranks.gpu.cuda;

import dev.ranks.gpu.KernelParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kernels of a PTX module from its text: each {@code .entry NAME(.param .TYPE NAME_param_0, …)}
 * is a kernel, and its parameter list is what the driver API, which has no argument info, cannot say:
 * the count and the width of each argument.
 */
final class Ptx {
    private static final Pattern ENTRY = Pattern.compile("\\.entry\\s+([\\w$.]+)\\s*(?:\\(([^)]*)\\))?");
    private static final Pattern ARRAY = Pattern.compile("(.*)\\[(\\d+)]");
    private static final Set<String> TYPES = Set.of(".u8", ".u16", ".u32", ".u64", ".s8", ".s16", ".s32", ".s64",
            ".b8", ".b16", ".b32", ".b64", ".f16", ".f32", ".f64");

    private Ptx() {
    }

    /**
     * The kernels of a module.
     *
     * @param ptx the module's text
     * @return per entry, in order, its parameters: named as in the PTX, typed such as {@code .u64}, or
     *     {@code .b8[12]} for a structure passed by value
     */
    static Map<String, List<KernelParameter>> entries(String ptx) {
        Map<String, List<KernelParameter>> entries = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(ptx.replaceAll("//[^\\n]*", ""));
        while (m.find()) {
            List<KernelParameter> parameters = new ArrayList<>();
            String list = m.group(2) == null ? "" : m.group(2).strip();
            for (String declaration : list.isEmpty() ? new String[0] : list.split(",")) {
                parameters.add(parameter(declaration.strip()));
            }
            entries.put(m.group(1), List.copyOf(parameters));
        }
        return entries;
    }

    private static KernelParameter parameter(String declaration) {
        String[] tokens = declaration.split("\\s+");
        String name = tokens[tokens.length - 1];
        String type = "?";
        for (String token : tokens) {
            if (TYPES.contains(token)) {
                type = token;
                break;
            }
        }
        Matcher array = ARRAY.matcher(name);
        if (array.matches()) {
            name = array.group(1);
            type = type + "[" + array.group(2) + "]";
        }
        return new KernelParameter(name, type);
    }
}
