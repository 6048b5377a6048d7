package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a service's image is built (k8s/README.md, "Images"): Jib (quarkus-container-image-jib) in its
 * pom, image <registry>/privacy-platform/<service>, and no image built or pushed by a plain
 * `./mvnw package` - only with -Dquarkus.container-image.build=true / .push=true.
 */
final class ImageBuild {

    private ImageBuild() {
    }

    static List<String> check(String service, String pom, ServiceConfig config) {
        List<String> violations = new ArrayList<>();
        if (!pom.contains("<artifactId>quarkus-container-image-jib</artifactId>")) {
            violations.add(service + "/pom.xml: no io.quarkus:quarkus-container-image-jib (images are built with Jib)");
        }
        Map<String, String> p = config.properties();
        for (String flag : List.of("quarkus.container-image.build", "quarkus.container-image.push")) {
            if ("true".equalsIgnoreCase(String.valueOf(p.get(flag)).trim())) {
                violations.add(service + ": " + flag + "=true in application.properties: a plain package would build or push an image");
            }
        }
        if (!"privacy-platform".equals(p.get("quarkus.container-image.group"))) {
            violations.add(service + ": quarkus.container-image.group is " + p.get("quarkus.container-image.group") + ", not privacy-platform");
        }
        if (!service.equals(p.get("quarkus.container-image.name"))) {
            violations.add(service + ": quarkus.container-image.name is " + p.get("quarkus.container-image.name") + ", not " + service);
        }
        return violations;
    }
}
