package dev.bertlab.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database BertLab keeps its state in: H2 by default, PostgreSQL in cluster mode. */
@Configuration
public class DatabaseConfiguration {

    /** Whether the application's database is PostgreSQL (cluster mode) rather than the embedded H2. */
    public static boolean isPostgreSql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    @Bean
    HibernatePropertiesCustomizer postgreSqlDialect(DataSource dataSource) {
        return properties -> {
            if (isPostgreSql(dataSource)) {
                properties.putIfAbsent("hibernate.dialect", PostgreSqlDialect.class.getName());
            }
        };
    }
}
