package dev.ranks.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a user's build sees: the BOM (bom/pom.xml, which has no parent and so repeats the version)
 * manages every artifact this build installs at the build's version, and ranks-core brings the three
 * modules a rank program needs. Reads the poms themselves, so a module added to the build and not to
 * the BOM fails here.
 */
class BomTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").toAbsolutePath().normalize();

    @Test
    void theBomManagesEveryModuleAtTheBuildsVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("bom/pom.xml"));
        String version = child(parent.getDocumentElement(), "version");

        assertEquals(version, child(bom.getDocumentElement(), "version"),
                "bom/pom.xml's version must be ranks-parent's");
        Set<String> modules = new TreeSet<>();
        // every <module>, the profiles' too: the mpj module is installed only where MPJ Express is
        // ...that it installs: the benchmarks module is built but not installed, so no user can depend on it
        for (String module : texts(parent.getElementsByTagName("module"))) {
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            if (!module.equals("bom") && !texts(pom.getElementsByTagName("maven.install.skip")).contains("true")) {
                modules.add(child(pom.getDocumentElement(), "artifactId"));
            }
        }
        Set<String> managed = new TreeSet<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertEquals("dev.ranks", child(dependency, "groupId"), () -> "a foreign artifact in the BOM: " + text(dependency));
            assertEquals("${project.version}", child(dependency, "version"), () -> "in the BOM: " + text(dependency));
            managed.add(child(dependency, "artifactId"));
        }

        assertEquals(modules, managed, "bom/pom.xml must manage exactly the build's modules");
    }

    @Test
    void theBenchmarksAreBuiltButNotInstalled() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        assertTrue(texts(parent.getElementsByTagName("module")).contains("benchmarks"),
                "the benchmarks module must be in the build, so that it compiles against today's API");
        Document benchmarks = read(ROOT.resolve("benchmarks/pom.xml"));
        assertEquals(List.of("true"), texts(benchmarks.getElementsByTagName("maven.install.skip")),
                "benchmarks/pom.xml must skip install: it is no artifact for users");
    }

    @Test
    void ranksCoreBringsCommCollectivesAndTopology() {
        // this test's class path is ranks-core's dependencies
        for (String type : List.of("dev.ranks.comm.Comm", "dev.ranks.collectives.Intracomm",
                "dev.ranks.collectives.RankProgram", "dev.ranks.topology.CartComm", "dev.ranks.topology.Dims")) {
            assertDoesNotThrow(() -> Class.forName(type), type);
        }
    }

    private static Document read(Path pom) throws Exception {
        assertTrue(Files.isRegularFile(pom), () -> pom + " is missing");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of an element's direct child, which a pom's parent section would otherwise shadow. */
    private static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError("<" + element.getTagName() + "> has no <" + name + ">");
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static String text(Element element) {
        return element.getTextContent().strip().replaceAll("\\s+", " ");
    }
}
