#include "DesktopModules.hpp"

#include "core/DataPaths.hpp"

#include <dlfcn.h>
#include <filesystem>


namespace rollcoach {

void* loadModuleSymbol(const std::string& executablePath, const char* module, const char* symbol,
                       std::string& error) {
    std::string tried;
    for (const std::string& path : modulePaths(executablePath, module)) {
        // Loaded once for the process and never unloaded: GLib and cairo keep state in
        // globals that outlive any one call.
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* why = dlerror();
            tried += "\n  " + (why != nullptr ? std::string(why) : path);
            continue;
        }
        void* entry = dlsym(handle, symbol);
        if (entry == nullptr) {
            error = path + " has no " + symbol;
            return nullptr;
        }
        return entry;
    }
    error = std::string("cannot load ") + module + "; tried:" + tried;
    return nullptr;
}

} // namespace rollcoach
