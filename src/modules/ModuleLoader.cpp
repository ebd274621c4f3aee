#include "ModuleLoader.hpp"
#include "core/Translate.hpp"

#include <dlfcn.h>

#include <filesystem>

namespace rollcoach {

namespace fs = std::filesystem;

std::vector<std::string> modulePaths(const std::string& programFolder, const std::string& module) {
    const fs::path bin = programFolder;
    const fs::path libdir(ROLLCOACH_LIBDIR);
    const fs::path installed = libdir.is_absolute() ? libdir : bin.parent_path() / libdir;
    return {(bin / module).string(), (installed / "rollcoach" / module).string()};
}

void* loadModuleSymbol(const std::vector<std::string>& paths, const char* symbol,
                       std::string& why) {
    std::string tried;
    for (const std::string& path : paths) {
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* error = dlerror();
            tried += "\n  " + (error != nullptr ? std::string(error) : path);
            continue;
        }
        void* entry = dlsym(handle, symbol);
        if (entry == nullptr) {
            why = rollcoach::fillIn(_("{0} has no {1}"), path, symbol);
        }
        return entry;
    }
    const std::string module =
        paths.empty() ? _("a module") : fs::path(paths.front()).filename().string();
    why = rollcoach::fillIn(_("cannot load {0}; tried:{1}"), module, tried);
    return nullptr;
}

} // namespace rollcoach
