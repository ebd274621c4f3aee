// A notification server that misbehaves, for the reminder's tests: "wrong" answers every call
// with a string where the spec has other types; "slow SECONDS" answers right, but only after
// that long. It owns org.freedesktop.Notifications on the session bus until killed.
#include <cstdlib>
#include <cstring>
#include <gio/gio.h>

static const char* introspection =
    "<node><interface name='org.freedesktop.Notifications'>"
    "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
    "<method name='Notify'><arg type='s'/><arg type='u'/><arg type='s'/><arg type='s'/>"
    "<arg type='s'/><arg type='as'/><arg type='a{sv}'/><arg type='i'/>"
    "<arg type='u' direction='out'/></method>"
    "<method name='CloseNotification'><arg type='u'/></method>"
    "<method name='GetServerInformation'><arg type='s' direction='out'/>"
    "<arg type='s' direction='out'/><arg type='s' direction='out'/>"
    "<arg type='s' direction='out'/></method>"
    "</interface></node>";

static int wrong = 0;
static guint slowS = 0;

static void onCall(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar* method,
                   GVariant*, GDBusMethodInvocation* invocation, gpointer) {

    if (slowS > 0) {
        g_usleep((gulong)slowS * G_USEC_PER_SEC);
    }
    if (wrong) {
        // Sent as a raw message: GDBus would refuse a reply that does not match the method.
        GDBusMessage* reply =
            g_dbus_message_new_method_reply(g_dbus_method_invocation_get_message(invocation));
        g_dbus_message_set_body(reply, g_variant_new("(s)", "not what was asked"));
        g_dbus_connection_send_message(g_dbus_method_invocation_get_connection(invocation), reply,
                                       G_DBUS_SEND_MESSAGE_FLAGS_NONE, NULL, NULL);
        g_object_unref(reply);
        g_object_unref(invocation);
        return;
    }
    if (strcmp(method, "GetCapabilities") == 0) {
        const gchar* caps[] = {"actions", "body", NULL};
        g_dbus_method_invocation_return_value(invocation, g_variant_new("(^as)", caps));
    } else if (strcmp(method, "Notify") == 0) {
        g_dbus_method_invocation_return_value(invocation, g_variant_new("(u)", 7u));
    } else if (strcmp(method, "GetServerInformation") == 0) {
        g_dbus_method_invocation_return_value(invocation,
                                              g_variant_new("(ssss)", "fake", "t", "1", "1.2"));
    } else {
        g_dbus_method_invocation_return_value(invocation, NULL);
    }
}

static const GDBusInterfaceVTable vtable = {onCall, NULL, NULL, {0}};

static void onBus(GDBusConnection* bus, const gchar*, gpointer) {
    GDBusNodeInfo* info = g_dbus_node_info_new_for_xml(introspection, NULL);
    g_dbus_connection_register_object(bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                      &vtable, NULL, NULL, NULL);
}

int main(int argc, char** argv) {
    if (argc >= 2 && strcmp(argv[1], "wrong") == 0) {
        wrong = 1;
    } else if (argc >= 3 && strcmp(argv[1], "slow") == 0) {
        slowS = (guint)atoi(argv[2]);
    } else {
        g_printerr("usage: %s wrong | slow SECONDS\n", argv[0]);
        return 2;
    }
    g_bus_own_name(G_BUS_TYPE_SESSION, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                   onBus, NULL, NULL, NULL, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
