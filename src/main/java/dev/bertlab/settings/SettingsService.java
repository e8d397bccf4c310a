package dev.bertlab.settings;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings changed at run time, kept in the database so that they survive restarts: named values that features
 * read and write (the demo model: {@code classify/DemoModelService}; the quickstart's run).
 */
@Service
public class SettingsService {

    private final AppSettingRepository settings;

    public SettingsService(AppSettingRepository settings) {
        this.settings = settings;
    }

    public Optional<String> get(String name) {
        return settings.findById(name).map(AppSetting::getValue);
    }

    @Transactional
    public void set(String name, String value) {
        settings.findById(name).ifPresentOrElse(setting -> setting.setValue(value),
                () -> settings.save(new AppSetting(name, value)));
    }

    /** Removes the setting if it is there. */
    @Transactional
    public void remove(String name) {
        if (settings.existsById(name)) {
            settings.deleteById(name);
        }
    }
}
