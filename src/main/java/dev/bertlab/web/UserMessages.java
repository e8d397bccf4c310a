package dev.bertlab.web;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages in the corner of the page: what happened, or what went wrong in words a user can act on. */
public final class UserMessages {

    private UserMessages() {
    }

    public static void success(String message) {
        show(message, 4000, NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        show(message, 8000, NotificationVariant.LUMO_ERROR);
    }

    private static void show(String message, int millis, NotificationVariant variant) {
        Notification notification = Notification.show(message, millis, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
