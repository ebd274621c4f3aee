// The notification module: posts one notification through libnotify (the freedesktop
// notification spec on the session bus) and waits for what the person does with it. It says
// nothing of what is due or what to say: the command line decides that.

#include "cli/DesktopModules.hpp"

#include <libnotify/notify.h>

#include <cstring>

namespace {

struct Waiting {
    GMainLoop* loop = nullptr;
    rollcoach::NotificationResult* result = nullptr;
};

void onAction(NotifyNotification* notification, char* action, gpointer data) {
    auto* waiting = static_cast<Waiting*>(data);
    waiting->result->action = action != nullptr ? action : "";
    // Some servers leave a notification on screen after its button is pressed.
    notify_notification_close(notification, nullptr);
    g_main_loop_quit(waiting->loop);
}

void onClosed(NotifyNotification*, gpointer data) {
    auto* waiting = static_cast<Waiting*>(data);
    waiting->result->closed = true;
    g_main_loop_quit(waiting->loop);
}

gboolean onTimeout(gpointer data) {
    g_main_loop_quit(static_cast<Waiting*>(data)->loop);
    return G_SOURCE_REMOVE;
}

bool serverShowsActions() {
    GList* caps = notify_get_server_caps();
    bool actions = false;
    for (GList* c = caps; c != nullptr; c = c->next) {
        actions = actions || std::strcmp(static_cast<const char*>(c->data), "actions") == 0;
    }
    g_list_free_full(caps, g_free);
    return actions;
}

} // namespace

extern "C" bool rollcoach_post_notification(const rollcoach::NotificationRequest& request,
                                            rollcoach::NotificationResult& result) {
    // libnotify warns on standard error when the bus cannot be reached; the command line
    // says that itself, in its own words.
    g_log_set_handler(
        "libnotify", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE),
        [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
    if (!notify_is_initted() && !notify_init(request.appName.c_str())) {
        result.error = "cannot reach the session bus";
        return false;
    }
    // The body may be shown as markup; a routine's title is the person's own text.
    gchar* body = g_markup_escape_text(request.body.c_str(), -1);
    NotifyNotification* notification = notify_notification_new(
        request.summary.c_str(), body, request.icon.empty() ? nullptr : request.icon.c_str());
    g_free(body);
    notify_notification_set_timeout(notification, NOTIFY_EXPIRES_NEVER);
    notify_notification_set_urgency(notification, NOTIFY_URGENCY_NORMAL);
    notify_notification_set_category(notification, "x-rollcoach.reminder");
    notify_notification_set_hint(notification, "desktop-entry", g_variant_new_string("rollcoach"));

    GMainLoop* loop = g_main_loop_new(nullptr, FALSE);
    Waiting waiting{loop, &result};
    result.actionsShown = !request.actions.empty() && serverShowsActions();
    if (result.actionsShown) {
        for (const auto& [key, label] : request.actions) {
            notify_notification_add_action(notification, key.c_str(), label.c_str(), onAction,
                                           &waiting, nullptr);
        }
    }
    g_signal_connect(notification, "closed", G_CALLBACK(onClosed), &waiting);

    GError* error = nullptr;
    if (!notify_notification_show(notification, &error)) {
        result.error = error != nullptr ? error->message : "the notification server refused it";
        g_clear_error(&error);
        g_object_unref(notification);
        g_main_loop_unref(loop);
        return false;
    }
    result.posted = true;
    // Without buttons there is nothing to wait for: the notification stays as the server keeps it.
    if (result.actionsShown && request.waitS > 0) {
        const guint timer =
            g_timeout_add_seconds(static_cast<guint>(request.waitS), onTimeout, &waiting);
        g_main_loop_run(loop);
        if (result.action.empty() && !result.closed) {
            // Its buttons would do nothing once this process is gone.
            g_signal_handlers_disconnect_by_data(notification, &waiting);
            notify_notification_close(notification, nullptr);
        } else {
            g_source_remove(timer);
        }
    }
    g_signal_handlers_disconnect_by_data(notification, &waiting);
    g_object_unref(notification);
    g_main_loop_unref(loop);
    return true;
}
