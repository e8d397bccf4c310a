package dev.bertlab.web.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The REST API's settings ({@code bertlab.api.*}).
 *
 * @param maxBodySize the largest request body under /api, checked from Content-Length and while it streams;
 *        larger ones get 413 before they are parsed (dataset uploads on the dashboard have their own 200 MB)
 */
@ConfigurationProperties("bertlab.api")
public record ApiProperties(@DefaultValue("4MB") DataSize maxBodySize) {
}
