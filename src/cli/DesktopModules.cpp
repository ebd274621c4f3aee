#include "DesktopModules.hpp"

#include "core/DataPaths.hpp"

#include <dlfcn.h>
#include <filesystem>

#ifndef ROLLCOACH_LIBDIR
#define ROLLCOACH_LIBDIR "lib"
#endif

namespace rollcoach {

std::vector<std::string> modulePaths(const std::string& executablePath, const char* name) {
    namespace fs = std::filesystem;
    const fs::path bin = executableFolder(executablePath);
    const fs::path libdir(ROLLCOACH_LIBDIR);
    const fs::path installed = libdir.is_absolute() ? libdir : bin.parent_path() / libdir;
    return {(bin / name).string(), (installed / "rollcoach" / name).string()};
}

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
