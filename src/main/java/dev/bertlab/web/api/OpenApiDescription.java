package dev.bertlab.web.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The title of the OpenAPI description (/api/v1/openapi) and how to authenticate. */
@Configuration
@OpenAPIDefinition(info = @Info(title = "BertLab API", version = "v1",
        description = "Classify texts with BertLab's fine-tuned models, define experiments and queue their runs. "
                + "Every call needs an API token, issued by an "
                + "admin on the dashboard's Admin page: send it as `Authorization: Bearer <token>`. Errors are "
                + "RFC 9457 problem details (application/problem+json)."))
@SecurityScheme(name = OpenApiDescription.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "blt_ token", description = "An API token from the Admin page")
public class OpenApiDescription {

    public static final String BEARER = "bearer";
}
