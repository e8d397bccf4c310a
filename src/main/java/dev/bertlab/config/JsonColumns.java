package dev.bertlab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.json.Json;
import dev.bertlab.engine.train.Hyperparameters;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON text columns: the engine's records are their schema, so a new hyperparameter needs no migration. */
public final class JsonColumns {

    private static final ObjectMapper JSON = Json.mapper();

    private JsonColumns() {
    }

    @Converter
    public static class HyperparametersColumn implements AttributeConverter<Hyperparameters, String> {
        @Override
        public String convertToDatabaseColumn(Hyperparameters value) {
            return write(value);
        }

        @Override
        public Hyperparameters convertToEntityAttribute(String text) {
            return text == null ? null : read(text, new TypeReference<>() { });
        }
    }

    @Converter
    public static class MetricsColumn implements AttributeConverter<Map<String, Double>, String> {
        @Override
        public String convertToDatabaseColumn(Map<String, Double> value) {
            return value == null ? null : write(value);
        }

        @Override
        public Map<String, Double> convertToEntityAttribute(String text) {
            return text == null ? new LinkedHashMap<>() : read(text, new TypeReference<LinkedHashMap<String, Double>>() { });
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value, e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
