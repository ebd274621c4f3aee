#include "Recognizer.hpp"
#include "core/Translate.hpp"

#include <dlfcn.h>

namespace rollcoach {

std::unique_ptr<Recognizer> openRecognizer(const std::vector<std::string>& modules,
                                           std::string& why, RecognizerLimits limits) {
    void* module = nullptr;
    std::string failure;
    for (const std::string& path : modules) {
        if ((module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) != nullptr) {
            break;
        }
        // The first failure names the module rollcoach would normally use; later ones only
        // say it is not installed there either.
        if (const char* error = dlerror(); error != nullptr && failure.empty()) {
            failure = error;
        }
    }
    const auto open = module != nullptr
                          ? reinterpret_cast<OpenRecognizer>(dlsym(module, kOpenRecognizerSymbol))
                          : nullptr;
    if (open == nullptr) {
        why = failure.empty()
                  ? rollcoach::fill(_("cannot load the voice module {0}"), kVoiceModuleName)
                  : rollcoach::fill(_("cannot load the voice module {0} ({1})"), kVoiceModuleName,
                                    failure);
        return nullptr;
    }
    // The module stays loaded for the rest of the program: the recogniser's code lives there.
    return std::unique_ptr<Recognizer>(open(limits, why));
}

} // namespace rollcoach
