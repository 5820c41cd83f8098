package workbook.checker.validate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * jbang-catalog.json as `validate` reads it: every alias runs a script that exists, every lesson an
 * alias opens (lessons/Lesson.java with the lesson's name) and every exercise set a checker alias names
 * exists, and every notebook in lessons/ has an alias. Any alias with a script is accepted.
 */
final class CatalogProblems {
    static final String FILE = "jbang-catalog.json";
    private static final String LESSON_SCRIPT = "lessons/Lesson.java";

    /** One alias: its name, the line it is written on, its script and fixed arguments. */
    record Alias(String name, int line, String script, List<String> arguments) {
        /** The lesson this alias opens, or null when it is not a lesson's alias. */
        String lesson() {
            return LESSON_SCRIPT.equals(script) && !arguments.isEmpty() ? arguments.get(0) : null;
        }
    }

    private CatalogProblems() {
    }

    /** The catalog's aliases, in file order; a catalog that cannot be read is a problem of its own. */
    static List<Alias> aliases(Path root, List<Problem> problems) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        JsonNode catalog;
        ObjectMapper json = new ObjectMapper();
        try (JsonParser parser = json.createParser(root.resolve(FILE).toFile())) {
            // the line of each alias's name: the tree Jackson builds keeps no positions, its parser does
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent() != null
                        && "aliases".equals(parser.getParsingContext().getParent().getCurrentName())) {
                    lines.put(parser.currentName(), parser.currentTokenLocation().getLineNr());
                }
            }
            catalog = json.readTree(root.resolve(FILE).toFile());
        } catch (JacksonException e) {
            problems.add(new Problem(FILE, Math.max(1, e.getLocation() == null ? 1 : e.getLocation().getLineNr()), "not valid JSON: " + e.getOriginalMessage()));
            return List.of();
        } catch (IOException e) {
            problems.add(new Problem(FILE, 1, "cannot be read: " + e.getMessage()));
            return List.of();
        }
        List<Alias> aliases = new ArrayList<>();
        catalog.path("aliases").properties().forEach(entry -> {
            List<String> arguments = new ArrayList<>();
            entry.getValue().path("arguments").forEach(a -> arguments.add(a.asText()));
            aliases.add(new Alias(entry.getKey(), lines.getOrDefault(entry.getKey(), 1), entry.getValue().path("script-ref").asText(null), arguments));
        });
        return aliases;
    }

    static List<Problem> of(Path root) {
        List<Problem> problems = new ArrayList<>();
        List<Alias> aliases = aliases(root, problems);
        for (Alias alias : aliases) {
            if (alias.script() == null) {
                problems.add(new Problem(FILE, alias.line(), "alias `" + alias.name() + "` has no script-ref"));
            } else if (!Files.isRegularFile(root.resolve(alias.script()))) {
                problems.add(new Problem(FILE, alias.line(), "alias `" + alias.name() + "` runs " + alias.script() + ", which does not exist"));
            } else if (alias.lesson() != null && !Files.isRegularFile(root.resolve("lessons").resolve(alias.lesson() + ".md"))) {
                problems.add(new Problem(FILE, alias.line(), "alias `" + alias.name() + "` opens the lesson " + alias.lesson()
                        + ", but lessons/" + alias.lesson() + ".md does not exist"));
            } else if (alias.script().startsWith("checker/") && !alias.arguments().isEmpty()
                    && !Files.isRegularFile(root.resolve("exercises").resolve(alias.arguments().get(0)).resolve("tasks.toml"))) {
                problems.add(new Problem(FILE, alias.line(), "alias `" + alias.name() + "` names the exercise set " + alias.arguments().get(0)
                        + ", but exercises/" + alias.arguments().get(0) + "/tasks.toml does not exist"));
            }
        }
        List<String> opened = aliases.stream().map(Alias::lesson).toList();
        for (String notebook : notebooks(root)) {
            if (!opened.contains(notebook)) {
                problems.add(new Problem("lessons/" + notebook + ".md", 1, "no alias in " + FILE + " opens this lesson: add one with \"script-ref\": \""
                        + LESSON_SCRIPT + "\", \"arguments\": [\"" + notebook + "\"]"));
            }
        }
        return problems;
    }

    /** The lesson names of the notebooks in lessons/ (README.md is not one). */
    static List<String> notebooks(Path root) {
        try (Stream<Path> files = Files.list(root.resolve("lessons"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
