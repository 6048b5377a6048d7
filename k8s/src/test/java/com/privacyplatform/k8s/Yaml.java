package com.privacyplatform.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** YAML/JSON reading and writing with plain maps and lists. */
final class Yaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Yaml() {
    }

    /** All documents of a multi-document YAML text; empty documents are dropped. */
    static List<Map<String, Object>> readAll(String text) {
        try (MappingIterator<Map<String, Object>> docs = YAML.readerFor(new TypeReference<Map<String, Object>>() {
        }).readValues(new YAMLFactory().createParser(text))) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (docs.hasNextValue()) {
                Map<String, Object> doc = docs.nextValue();
                if (doc != null && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML: " + e.getMessage(), e);
        }
    }

    static List<Map<String, Object>> readAll(Path file) {
        try {
            return readAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML file whose one document is a list (e.g. a JSON6902 patch). */
    static List<Object> readList(Path file) {
        try {
            List<Object> list = YAML.readValue(file.toFile(), new TypeReference<ArrayList<Object>>() {
            });
            return list == null ? List.of() : list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> readJsonObject(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deep copy (through JSON), for seeding errors without touching the cached renders. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        try {
            return (T) JSON.readValue(JSON.writeValueAsString(value), value.getClass());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
