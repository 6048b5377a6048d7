package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What is committed under k8s/ equals what the build generates: the services' manifests (from
 * quarkus-kubernetes) and the realm import (from the local realm). With -Dk8s.update=true these
 * tests write the committed copies instead of failing.
 */
class CommittedFilesTest {

    static List<String> services() {
        return ModulePaths.generatedServices();
    }

    @Test
    void thePlatformsServicesHaveCommittedManifests() {
        assertThat(services()).containsExactlyInAnyOrderElementsOf(RenderedValues.SERVICES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theCommittedManifestHoldsWhatQuarkusGeneratedAtBuild(String service) {
        var generated = Drift.buildOutput(service);
        Assumptions.assumeTrue(Files.exists(generated),
                () -> generated + " does not exist: build " + service + " first (./mvnw verify at the root does)");
        if (ModulePaths.updateMode() && Drift.differs(Drift.committed(service), generated)) {
            Drift.copy(generated, Drift.committed(service));
        }
        assertThat(Drift.generatedManifest(Drift.committed(service), generated)).isEmpty();
    }

    @Test
    void theRealmImportIsTheRealmOfTheLocalRunWithItsSecretsAsPlaceholders() {
        Map<String, Object> expected = RealmImport.from(Yaml.readJsonObject(RealmImport.source()));
        if (ModulePaths.updateMode()) {
            Drift.write(RealmImport.committed(), RealmImport.render(expected));
        }
        assertThat(Drift.realmImport(expected, RealmImport.committed())).isEmpty();
        assertThat(Drift.read(RealmImport.committed())).doesNotContain("-secret\"", "-demo-pw", "privacy-cli", "partner-demo", "alice");
    }

    @Test
    void theDevRealmAdditionIsTheLocalDemoAdditionWithItsSecretsAsPlaceholders() {
        List<Object> expected = RealmImport.demoPatch(Yaml.readJsonObject(RealmImport.demoSource()));
        if (ModulePaths.updateMode()) {
            Drift.write(RealmImport.committedDemo(), RealmImport.renderDemo(expected));
        }
        assertThat(Drift.demoPatch(expected, RealmImport.committedDemo())).isEmpty();
        assertThat(Drift.read(RealmImport.committedDemo())).doesNotContain("-secret\"", "-demo-pw", "localhost");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyCommittedServiceIsAKustomizeResourceAndAModuleDependencySoTheReactorBuildsItFirst(String service) {
        String kustomization = Drift.read(ModulePaths.base().resolve("kustomization.yaml"));
        assertThat(kustomization).contains("- generated/" + service + ".yml");
        Assumptions.assumeTrue(Files.isDirectory(ModulePaths.repository().resolve(service)),
                () -> service + " is not a module of this repository yet: add it to k8s/pom.xml like the others once it is");
        String pom = Drift.read(ModulePaths.module().resolve("pom.xml"));
        Matcher dependency = Pattern.compile("<artifactId>" + Pattern.quote(service) + "</artifactId>\\s*<version>[^<]+</version>\\s*<type>pom</type>")
                .matcher(pom);
        assertThat(dependency.find()).as("k8s/pom.xml declares %s (type pom) as a dependency", service).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyServiceBuildsItsImageWithJibOnlyWhenAsked(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Assumptions.assumeTrue(config != null, () -> service + " is not a module of this repository yet");
        String pom = Drift.read(ModulePaths.repository().resolve(service).resolve("pom.xml"));
        assertThat(ImageBuild.check(service, pom, config)).isEmpty();
    }

    @Test
    void theReadmeDocumentsEverySecretToCreateEveryOverlayAndTheTestCommand() {
        String readme = Drift.read(ModulePaths.module().resolve("README.md"));
        OperatorModel.prerequisiteSecrets().forEach((name, keys) -> {
            assertThat(readme).as("README names Secret %s", name).contains(name);
            keys.forEach(key -> assertThat(readme).as("README names key %s of %s", key, name).contains(key));
        });
        ModulePaths.overlays().forEach(o -> assertThat(readme).contains("overlays/" + o));
        assertThat(readme).contains("./mvnw -B -ntp -pl k8s verify");
    }
}
