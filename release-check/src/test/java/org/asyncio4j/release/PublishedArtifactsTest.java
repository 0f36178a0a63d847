// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What a release would upload, checked after the reactor has packaged it: the poms as Maven
 * deploys them (the files themselves, the parent's metadata inherited) and, for every module that
 * does not set {@code maven.deploy.skip}, the jar, sources jar and javadoc jar Maven Central asks for.
 */
class PublishedArtifactsTest {
    private static Path root;
    private static Pom parent;
    private static List<Pom> published;

    @BeforeAll
    static void readPoms() throws Exception {
        root = Path.of(System.getProperty("asyncio4j.root", "..")).toAbsolutePath().normalize();
        parent = Pom.read(root.resolve("pom.xml"));
        published = new ArrayList<>();
        for (String module : parent.all("/project/modules/module")) {
            Pom pom = Pom.read(root.resolve(module).resolve("pom.xml"));
            if (!pom.text("/project/properties/maven.deploy.skip").equals("true")) {
                published.add(pom);
            }
        }
    }

    @Test
    void theParentPomCarriesTheMetadataMavenCentralRequires() {
        assertThat(parent.text("/project/name")).isNotBlank();
        assertThat(parent.text("/project/description")).isNotBlank();
        assertThat(parent.text("/project/url")).startsWith("https://");
        assertThat(parent.all("/project/licenses/license/name")).containsExactly("Apache-2.0");
        assertThat(parent.text("/project/licenses/license/url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
        assertThat(parent.all("/project/developers/developer/name")).isNotEmpty().allSatisfy(name -> assertThat(name).isNotBlank());
        assertThat(parent.text("/project/scm/connection")).startsWith("scm:git:");
        assertThat(parent.text("/project/scm/developerConnection")).startsWith("scm:git:");
        assertThat(parent.text("/project/scm/url")).startsWith("https://");
        // without these Maven would append each module's artifactId to the inherited addresses
        assertThat(parent.text("/project/@child.project.url.inherit.append.path")).isEqualTo("false");
        assertThat(parent.text("/project/scm/@child.scm.url.inherit.append.path")).isEqualTo("false");
        assertThat(root.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
    }

    @Test
    void theLibraryAndItsTestKitArePublishedAndTheProgramsAroundThemAreNot() {
        assertThat(published).extracting(Pom::artifactId).containsExactly("asyncio4j", "asyncio4j-test");
    }

    @Test
    void everyPublishedPomNamesItselfAndInheritsTheRest() {
        for (Pom pom : published) {
            assertThat(pom.text("/project/name")).as(pom + " name").isNotBlank();
            assertThat(pom.text("/project/description")).as(pom + " description").isNotBlank();
            assertThat(pom.text("/project/parent/artifactId")).as(pom + " parent").isEqualTo(parent.artifactId());
            assertThat(pom.text("/project/parent/version")).as(pom + " parent version").isEqualTo(parent.version());
            for (String own : List.of("url", "licenses", "developers", "scm")) {
                assertThat(pom.all("/project/" + own)).as(pom + " overrides the parent's " + own).isEmpty();
            }
        }
    }

    @Test
    void everyPublishedModuleBuildsItsJarSourcesJarAndJavadocJar() throws IOException {
        for (Pom pom : published) {
            Path target = pom.dir().resolve("target");
            String base = pom.artifactId() + "-" + parent.version();
            assertThat(entries(target.resolve(base + ".jar")))
                    .contains("META-INF/LICENSE", "META-INF/NOTICE")
                    .anySatisfy(name -> assertThat(name).endsWith(".class"));
            assertThat(entries(target.resolve(base + "-sources.jar")))
                    .contains("module-info.java", "META-INF/LICENSE")
                    .anySatisfy(name -> assertThat(name).matches("org/asyncio4j/.*\\.java"));
            assertThat(entries(target.resolve(base + "-javadoc.jar")))
                    .contains("index.html", "element-list");
        }
    }

    @Test
    void javadocIsBuiltWithEveryDoclintCheckAndFailsOnAnyWarning() {
        String javadoc = "/project/build/plugins/plugin[artifactId='maven-javadoc-plugin']/configuration/";
        assertThat(parent.text(javadoc + "doclint")).as("every doclint group, 'missing' included").isEqualTo("all");
        assertThat(parent.text(javadoc + "failOnWarnings")).isEqualTo("true");
        for (Pom pom : published) {
            assertThat(pom.all("//plugin[artifactId='maven-javadoc-plugin']//doclint")).as(pom + " relaxes doclint").isEmpty();
            assertThat(pom.all("//plugin[artifactId='maven-javadoc-plugin']//failOnWarnings")).as(pom + " lets warnings through").isEmpty();
        }
    }

    @Test
    void thisCheckDependsOnEveryPublishedModuleSoItRunsAfterTheirPackaging() throws Exception {
        Pom self = Pom.read(root.resolve("release-check/pom.xml"));
        assertThat(self.all("/project/dependencies/dependency/artifactId"))
                .containsAll(published.stream().map(Pom::artifactId).toList());
    }

    @Test
    void signingIsAProfileThatABuildWithoutAKeyLeavesOff() {
        assertThat(parent.text("/project/profiles/profile[id='sign']/activation/property/name")).isEqualTo("sign");
        assertThat(parent.all("/project/profiles/profile[id='sign']/build/plugins/plugin/artifactId")).contains("maven-gpg-plugin");
        assertThat(parent.all("/project/build/plugins/plugin/artifactId")).doesNotContain("maven-gpg-plugin");
    }

    private static List<String> entries(Path jar) throws IOException {
        assertThat(jar).as("built by `mvn package` (./run-tests builds it before this check)").isRegularFile();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    /** One pom.xml as a DOM, read with XPath. */
    private record Pom(Path file, Document document) {
        static Pom read(Path file) throws Exception {
            assertThat(file).isRegularFile();
            return new Pom(file, DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()));
        }

        String text(String xpath) {
            return all(xpath).stream().findFirst().orElse("").strip();
        }

        List<String> all(String xpath) {
            try {
                NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < nodes.getLength(); i++) {
                    texts.add(nodes.item(i).getTextContent().strip());
                }
                return texts;
            } catch (javax.xml.xpath.XPathExpressionException e) {
                throw new IllegalArgumentException("bad XPath " + xpath, e);
            }
        }

        String artifactId() {
            return text("/project/artifactId");
        }

        String version() {
            return text("/project/version");
        }

        Path dir() {
            return file.getParent();
        }

        @Override
        public String toString() {
            return root.relativize(file).toString();
        }
    }
}
