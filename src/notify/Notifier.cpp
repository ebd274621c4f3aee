// The notification module: posts one notification on the session bus (the freedesktop
// notification spec) and waits for what the person does with it. It says nothing of what is
// due or what to say: the command line decides that.
//
// It speaks D-Bus itself (GDBus) rather than through libnotify, so that every call has a
// deadline (a server that takes seconds per call cannot stretch the wait), and a server that
// answers with the wrong types is told apart from one that is not there.

#include "core/Translate.hpp"
#include "modules/DesktopModules.hpp"

#include <gio/gio.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace {

using rollcoach::NotificationFailure;
using rollcoach::NotificationRequest;
using rollcoach::NotificationResult;

constexpr const char* kName = "org.freedesktop.Notifications";
constexpr const char* kPath = "/org/freedesktop/Notifications";
constexpr const char* kInterface = "org.freedesktop.Notifications";

// The time left before the deadline, in milliseconds (at least 1: GDBus reads 0 and -1 as
// "its own default", 25 s).
int leftMs(gint64 deadline) {
    const gint64 left = (deadline - g_get_monotonic_time()) / 1000;
    return static_cast<int>(std::clamp<gint64>(left, 1, G_MAXINT));
}

// Sorts a failed call into the failures the command line tells apart.
NotificationFailure failureOf(const GError* error) {
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
        g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_TIMEOUT) ||
        g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_TIMED_OUT) ||
        g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY)) {
        return NotificationFailure::NoAnswer;
    }
    if (g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
        g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER)) {
        return NotificationFailure::NoServer;
    }
    // GDBus checks a reply's type against the one asked for.
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT)) {
        return NotificationFailure::WrongAnswer;
    }
    return NotificationFailure::Refused;
}

// One method call, bounded by the deadline; null (with the failure noted) when it fails.
GVariant* call(GDBusConnection* bus, const char* method, GVariant* parameters,
               const char* replyType, gint64 deadline, NotificationResult& result) {
    GError* error = nullptr;
    GVariant* reply = g_dbus_connection_call_sync(
        bus, kName, kPath, kInterface, method, parameters, G_VARIANT_TYPE(replyType),
        G_DBUS_CALL_FLAGS_NO_AUTO_START, leftMs(deadline), nullptr, &error);
    if (reply == nullptr) {
        result.failure = failureOf(error);
        result.error =
            std::string(method) + ": " + (error != nullptr ? error->message : _("failed"));
        g_clear_error(&error);
    }
    return reply;
}

// Takes a notification down without waiting for the answer: the wait is over.
void closeWithoutWaiting(GDBusConnection* bus, guint32 id) {
    GDBusMessage* message =
        g_dbus_message_new_method_call(kName, kPath, kInterface, "CloseNotification");
    g_dbus_message_set_body(message, g_variant_new("(u)", id));
    g_dbus_message_set_flags(message, G_DBUS_MESSAGE_FLAGS_NO_REPLY_EXPECTED);
    g_dbus_connection_send_message(bus, message, G_DBUS_SEND_MESSAGE_FLAGS_NONE, nullptr, nullptr);
    g_object_unref(message);
    g_dbus_connection_flush_sync(bus, nullptr, nullptr);
}

struct Waiting {
    GMainLoop* loop = nullptr;
    guint32 id = 0;
    NotificationResult* result = nullptr;
};

void onSignal(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar* name,
              GVariant* parameters, gpointer data) {
    auto* waiting = static_cast<Waiting*>(data);
    if (std::strcmp(name, "ActionInvoked") == 0 &&
        g_variant_is_of_type(parameters, G_VARIANT_TYPE("(us)"))) {
        guint32 id = 0;
        const gchar* action = nullptr;
        g_variant_get(parameters, "(u&s)", &id, &action);
        if (id == waiting->id) {
            waiting->result->action = action != nullptr ? action : "";
            g_main_loop_quit(waiting->loop);
        }
    } else if (std::strcmp(name, "NotificationClosed") == 0 &&
               g_variant_is_of_type(parameters, G_VARIANT_TYPE("(uu)"))) {
        guint32 id = 0;
        guint32 reason = 0;
        g_variant_get(parameters, "(uu)", &id, &reason);
        if (id == waiting->id && waiting->result->action.empty()) {
            waiting->result->closed = true;
            g_main_loop_quit(waiting->loop);
        }
    }
}

gboolean onTimeout(gpointer data) {
    g_main_loop_quit(static_cast<Waiting*>(data)->loop);
    return G_SOURCE_REMOVE;
}

bool post(GDBusConnection* bus, GMainContext* context, const NotificationRequest& request,
          gint64 deadline, NotificationResult& result) {
    // Whether the server shows buttons.
    GVariant* caps = call(bus, "GetCapabilities", nullptr, "(as)", deadline, result);
    if (caps == nullptr) {
        return false;
    }
    bool actions = false;
    GVariantIter* iter = nullptr;
    const gchar* cap = nullptr;
    g_variant_get(caps, "(as)", &iter);
    while (g_variant_iter_next(iter, "&s", &cap)) {
        actions = actions || std::strcmp(cap, "actions") == 0;
    }
    g_variant_iter_free(iter);
    g_variant_unref(caps);
    result.actionsShown = !request.actions.empty() && actions;

    // Listened for before the notification is shown, so no answer can be missed.
    GMainLoop* loop = g_main_loop_new(context, FALSE);
    Waiting waiting{loop, 0, &result};
    const guint subscription =
        g_dbus_connection_signal_subscribe(bus, nullptr, kInterface, nullptr, kPath, nullptr,
                                           G_DBUS_SIGNAL_FLAGS_NONE, onSignal, &waiting, nullptr);

    GVariantBuilder actionList;
    g_variant_builder_init(&actionList, G_VARIANT_TYPE("as"));
    if (result.actionsShown) {
        for (const auto& [key, label] : request.actions) {
            g_variant_builder_add(&actionList, "s", key.c_str());
            g_variant_builder_add(&actionList, "s", label.c_str());
        }
    }
    GVariantBuilder hints;
    g_variant_builder_init(&hints, G_VARIANT_TYPE("a{sv}"));
    g_variant_builder_add(&hints, "{sv}", "urgency", g_variant_new_byte(1));
    g_variant_builder_add(&hints, "{sv}", "category", g_variant_new_string("x-rollcoach.reminder"));
    g_variant_builder_add(&hints, "{sv}", "desktop-entry", g_variant_new_string("rollcoach"));
    // The body may be shown as markup; a routine's title is the person's own text.
    gchar* body = g_markup_escape_text(request.body.c_str(), -1);
    GVariant* parameters =
        g_variant_new("(susssasa{sv}i)", request.appName.c_str(), 0u, request.icon.c_str(),
                      request.summary.c_str(), body, &actionList, &hints, 0);
    g_free(body);
    GVariant* reply = call(bus, "Notify", parameters, "(u)", deadline, result);
    bool posted = reply != nullptr;
    if (posted) {
        g_variant_get(reply, "(u)", &waiting.id);
        g_variant_unref(reply);
        result.posted = true;
        // Without buttons there is nothing to wait for: the notification stays as the server
        // keeps it.
        if (result.actionsShown && request.waitS > 0) {
            GSource* timer = g_timeout_source_new(static_cast<guint>(leftMs(deadline)));
            g_source_set_callback(timer, onTimeout, &waiting, nullptr);
            g_source_attach(timer, context);
            g_main_loop_run(loop);
            g_source_destroy(timer);
            g_source_unref(timer);
            // Unanswered, its buttons would do nothing once this process is gone; answered,
            // some servers leave it on screen.
            if (!result.closed) {
                closeWithoutWaiting(bus, waiting.id);
            }
        }
    }
    g_dbus_connection_signal_unsubscribe(bus, subscription);
    // Signal callbacks still queued on the context point at `waiting`: let them run first.
    while (g_main_context_iteration(context, FALSE)) {
    }
    g_main_loop_unref(loop);
    return posted;
}

} // namespace

extern "C" bool rollcoach_post_notification(const NotificationRequest& request,
                                            NotificationResult& result) {
    const gint64 deadline =
        g_get_monotonic_time() + static_cast<gint64>(std::max(1, request.deadlineMs)) * 1000;
    // Signals are dispatched on a context of this call's own, which it runs itself.
    GMainContext* context = g_main_context_new();
    g_main_context_push_thread_default(context);
    GError* error = nullptr;
    GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
    bool posted = false;
    if (bus == nullptr) {
        result.failure = NotificationFailure::NoBus;
        result.error = error != nullptr ? error->message : _("cannot reach the session bus");
        g_clear_error(&error);
    } else {
        posted = post(bus, context, request, deadline, result);
        g_object_unref(bus);
    }
    g_main_context_pop_thread_default(context);
    g_main_context_unref(context);
    return posted;
}
