package dev.bertlab.experiment.api;

import dev.bertlab.engine.train.Knob;
import dev.bertlab.engine.train.KnobRange;
import dev.bertlab.engine.train.Knobs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The API description's {@code Hyperparameters} object, written from the knob table: each knob's type, default,
 * range, choices and help, so a script's author reads the same rules the server checks.
 */
@Component
class HyperparameterSchema implements OpenApiCustomizer {

    static final String NAME = "Hyperparameters";

    @Override
    public void customise(OpenAPI openApi) {
        ObjectSchema hyperparameters = new ObjectSchema();
        hyperparameters.setDescription("Every knob of a fine-tuning run by its snake_case name; one left out keeps "
                + "its default. Numbers may also be sent as text (\"2e-5\").");
        hyperparameters.setAdditionalProperties(false);
        boolean openApi31 = openApi.getSpecVersion() == SpecVersion.V31;
        Knobs.all().forEach(knob -> hyperparameters.addProperty(knob.key(), schemaOf(knob, openApi31)));
        openApi.getComponents().addSchemas(NAME, hyperparameters);
        Schema<?> request = openApi.getComponents().getSchemas().get("ExperimentRequest");
        if (request != null && request.getProperties() != null) {
            request.getProperties().put("hyperparameters", new Schema<>().$ref("#/components/schemas/" + NAME));
        }
    }

    private static Schema<?> schemaOf(Knob<?> knob, boolean openApi31) {
        Schema<?> schema = switch (knob.kind()) {
            case DECIMAL -> new NumberSchema().format("double");
            case INTEGER -> new IntegerSchema();
            case LONG -> new IntegerSchema().format("int64");
            case FLAG -> knob.hasDerivedDefault() ? new Schema<>().nullable(true) : new BooleanSchema();
            case DECIMAL_LIST -> new ArraySchema().items(new NumberSchema().format("double"));
            case TEXT -> new StringSchema();
            case CHOICE -> {
                StringSchema choice = new StringSchema();
                knob.choices().forEach(choice::addEnumItem);
                yield choice;
            }
        };
        schema.setDescription(knob.help() + (knob.hasDerivedDefault()
                ? " Leave it out (or null) to let the other settings decide." : ""));
        knob.fixedDefault().ifPresent(schema::setDefault);
        knob.range().ifPresent(range -> bound(schema, range, openApi31));
        return schema;
    }

    /** OpenAPI 3.0 marks an excluded bound with a flag beside it; 3.1 (JSON Schema) names the bound itself. */
    private static void bound(Schema<?> schema, KnobRange range, boolean openApi31) {
        if (range.min() != null) {
            BigDecimal min = BigDecimal.valueOf(range.min());
            if (range.minInclusive()) {
                schema.setMinimum(min);
            } else if (openApi31) {
                schema.setExclusiveMinimumValue(min);
            } else {
                schema.setMinimum(min);
                schema.setExclusiveMinimum(true);
            }
        }
        if (range.max() != null) {
            BigDecimal max = BigDecimal.valueOf(range.max());
            if (range.maxInclusive()) {
                schema.setMaximum(max);
            } else if (openApi31) {
                schema.setExclusiveMaximumValue(max);
            } else {
                schema.setMaximum(max);
                schema.setExclusiveMaximum(true);
            }
        }
    }
}
