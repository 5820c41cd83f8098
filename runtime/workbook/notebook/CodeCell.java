package workbook.notebook;

import java.util.Map;

/**
 * A runnable cell: a fence whose language is sql, java or a registered kind (check). Every code cell
 * is a step, numbered from 1 in file order and titled by the nearest heading above it.
 *
 * @param step       1-based step number (0 for code the learner typed between cells)
 * @param language   the fence's language, lower case: sql, java, check ...
 * @param source     the code, placeholders not yet filled
 * @param attributes the fence's key=value attributes (id, expect ...)
 * @param hint       the `<!-- hint: ... -->` after the fence, or null
 * @param heading    the nearest heading above the cell, or the notebook's title
 * @param line       the line of the opening fence
 */
public record CodeCell(int step, String language, String source, Map<String, String> attributes,
                       String hint, String heading, int line) implements Cell {

    public CodeCell {
        // kept in the order written, so an exported page shows the fence as the instructor wrote it
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** Code the learner typed at the prompt: no step, no hint, no expectations. */
    public static CodeCell typed(String language, String source) {
        return new CodeCell(0, language, source, Map.of(), null, "your own " + language, 0);
    }

    /** The stable step name (`id=create-users`), or null. */
    public String id() {
        return attributes.get("id");
    }

    /** True for `expect=error`: the cell demonstrates a failure, which is then its expected output. */
    public boolean expectsError() {
        return "error".equals(attributes.get("expect"));
    }

    /** The ids a `needs=a,b` attribute names: steps that must run before this one in the same sitting. */
    static java.util.List<String> needs(Map<String, String> attributes) {
        String needs = attributes.get("needs");
        return needs == null || needs.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(needs.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    /** "Create the users table (create-users)". */
    public String title() {
        return id() == null ? heading : heading + " (" + id() + ")";
    }

    /** The same cell with other attributes (typed code that runs in the step's session and database). */
    public CodeCell withAttributes(Map<String, String> newAttributes) {
        return new CodeCell(step, language, source, newAttributes, hint, heading, line);
    }

    public CodeCell withSource(String newSource) {
        return new CodeCell(step, language, newSource, attributes, hint, heading, line);
    }
}
