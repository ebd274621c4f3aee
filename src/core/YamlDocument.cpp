#include "YamlDocument.hpp"
#include "Translate.hpp"

#include "PrintableText.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cstdio>
#include <map>
#include <sstream>
#include <unordered_map>

namespace rollcoach {
namespace {

SourceMark toMark(const YAML::Mark& mark) {
    if (mark.is_null()) {
        return {};
    }
    return {mark.line + 1, mark.column + 1};
}

// Thrown from inside the event handler to stop yaml-cpp's recursive parser at once.
struct StopReading {
    Diagnostic diagnostic;
};

// Stops the parser on the first event of a second document, so a stream of many
// documents is never read to its end.
class SecondDocumentProbe : public YAML::EventHandler {
public:
    explicit SecondDocumentProbe(const char* holder) : m_holder(holder) {}
    void OnDocumentStart(const YAML::Mark& mark) override {
        throw StopReading{{Severity::Error, toMark(mark),
                           fillIn(_("{0} holds one YAML document; a second one starts here"),
                                  std::string(m_holder))}};
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

private:
    const char* m_holder;
};

} // namespace

class YamlTreeBuilder : public YAML::EventHandler {
public:
    YamlTreeBuilder(YamlDocument& document, Diagnostics& diagnostics, const YamlLimits& limits)
        : m_document(document), m_diagnostics(diagnostics), m_limits(limits) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        YamlNode* node = make(YamlNode::Kind::Null, mark, anchor);
        // A key with nothing after it ("duration_s:" at a line's end): yaml-cpp marks the
        // missing value where the next thing starts, a line or more below. It is told at the
        // key's own place, where the value is missing.
        if (!m_stack.empty() && m_stack.back().node->kind == YamlNode::Kind::Map &&
            m_stack.back().pendingKey != nullptr &&
            node->mark.line > m_stack.back().pendingKey->mark.line) {
            node->mark = m_stack.back().pendingKey->mark;
        }
        add(node);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto found = m_anchors.find(anchor);
        if (found == m_anchors.end()) {
            stop(mark, _("alias to an unknown anchor"));
        }
        for (const Frame& frame : m_stack) {
            if (frame.node == found->second) {
                stop(mark, _("alias refers to a node that contains it"));
            }
        }
        add(found->second);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        YamlNode* node = make(YamlNode::Kind::Scalar, mark, anchor);
        node->value = value;
        node->plain = tag == "?";
        checkTag(*node, tag);
        checkControlCharacters(*node);
        add(node);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        YamlNode* node = make(YamlNode::Kind::Sequence, mark, anchor);
        checkTag(*node, tag);
        open(node, mark);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        YamlNode* node = make(YamlNode::Kind::Map, mark, anchor);
        checkTag(*node, tag);
        open(node, mark);
    }
    void OnMapEnd() override {
        checkDuplicateKeys(*m_stack.back().node);
        close();
    }

private:
    struct Frame {
        YamlNode* node = nullptr;
        const YamlNode* pendingKey = nullptr;
    };

    [[noreturn]] void stop(const YAML::Mark& mark, const std::string& message) {
        throw StopReading{{Severity::Error, toMark(mark), message}};
    }

    YamlNode* make(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (m_document.m_nodes.size() >= m_limits.maxNodes) {
            stop(mark, fillIn(_("too many entries: {0} holds at most {1} values"),
                              std::string(m_limits.holder), std::to_string(m_limits.maxNodes)));
        }
        m_document.m_nodes.push_back(std::make_unique<YamlNode>());
        YamlNode* node = m_document.m_nodes.back().get();
        node->kind = kind;
        node->mark = toMark(mark);
        if (anchor != YAML::NullAnchor) {
            m_anchors[anchor] = node;
        }
        return node;
    }

    void add(const YamlNode* node) {
        if (m_stack.empty()) {
            if (m_document.m_root == nullptr) {
                m_document.m_root = node;
            }
            return;
        }
        Frame& top = m_stack.back();
        if (top.node->kind == YamlNode::Kind::Sequence) {
            top.node->items.push_back(node);
        } else if (top.pendingKey == nullptr) {
            top.pendingKey = node;
        } else {
            top.node->entries.emplace_back(top.pendingKey, node);
            top.pendingKey = nullptr;
        }
    }

    void open(YamlNode* node, const YAML::Mark& mark) {
        // yaml-cpp recurses once per level; refusing deep files here, before it goes
        // further, keeps the stack small whatever the file holds.
        if (m_stack.size() >= m_limits.maxDepth) {
            stop(mark, fillIn(_("nested too deeply: at most {0} levels of lists and maps"),
                              std::to_string(m_limits.maxDepth)));
        }
        add(node);
        m_stack.push_back({node, nullptr});
    }

    void close() { m_stack.pop_back(); }

    // yaml-cpp passes tags through without acting on them, so `!!binary` or `!!python/object`
    // would be read as plain text or ignored. No file rollcoach reads needs a tag; one is
    // refused rather than given a meaning its author did not intend.
    void checkTag(const YamlNode& node, const std::string& tag) {
        if (tag.empty() || tag == "?" || tag == "!") {
            return;
        }
        m_diagnostics.push_back({Severity::Error, node.mark,
                                 fillIn(_("YAML tags are not used here: remove the tag {0}"),
                                        printable(shortTag(tag)))});
    }

    static std::string shortTag(const std::string& tag) {
        const std::string core = "tag:yaml.org,2002:";
        return tag.rfind(core, 0) == 0 ? "!!" + tag.substr(core.size()) : tag;
    }

    // Text with terminal control characters could rewrite what is printed around it (a
    // warning about the spine, say), so it is refused wherever it appears.
    void checkControlCharacters(const YamlNode& node) {
        std::size_t index = 0;
        char32_t found = 0;
        if (!findControlCharacter(node.value, &found, &index)) {
            return;
        }
        char code[16];
        std::snprintf(code, sizeof code, found < 0x80 ? "\\x%02x" : "\\u%04x",
                      static_cast<unsigned>(found));
        m_diagnostics.push_back(
            {Severity::Error, node.mark,
             fillIn(_("text holds a control character ({0}, character {1}); only "
                      "printable text, tabs and line breaks are allowed"),
                    code, std::to_string(index + 1))});
    }

    void checkDuplicateKeys(const YamlNode& map) {
        std::map<std::string, const YamlNode*> seen;
        for (const auto& entry : map.entries) {
            const YamlNode* key = entry.first;
            if (key->kind != YamlNode::Kind::Scalar) {
                continue;
            }
            auto [it, inserted] = seen.emplace(key->value, key);
            if (!inserted) {
                m_diagnostics.push_back(
                    {Severity::Error, key->mark,
                     fillIn(_("duplicate key \"{0}\" (first given at line {1})"), key->value,
                            std::to_string(it->second->mark.line))});
            }
        }
    }

    YamlDocument& m_document;
    Diagnostics& m_diagnostics;
    const YamlLimits& m_limits;
    std::vector<Frame> m_stack;
    std::unordered_map<YAML::anchor_t, YamlNode*> m_anchors;
};

bool findBadByte(const std::string& text, SourceMark& where, std::string& what) {
    int line = 1;
    int column = 1;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    for (std::size_t i = 0; i < size;) {
        unsigned char c = bytes[i];
        int length = 0;
        if (c == 0) {
            where = {line, column};
            what = _("a NUL byte");
            return true;
        }
        if (c < 0x80) {
            length = 1;
        } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
            length = 2;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
        } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
            length = 4;
        } else {
            where = {line, column};
            what = _("a byte that is not UTF-8");
            return true;
        }
        // The second byte also rules out overlong forms (E0, F0), UTF-16 surrogates (ED) and
        // code points above U+10FFFF (F4).
        const unsigned char low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        for (int k = 1; k < length; ++k) {
            if (i + k >= size || (bytes[i + k] & 0xC0) != 0x80 ||
                (k == 1 && (bytes[i + 1] < low || bytes[i + 1] > high))) {
                where = {line, column};
                what = _("a byte that is not UTF-8");
                return true;
            }
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
    return false;
}

YamlDocument YamlDocument::parse(const std::string& text, Diagnostics& diagnostics,
                                 const YamlLimits& limits) {
    YamlDocument document;
    if (text.size() > limits.maxBytes) {
        diagnostics.push_back(
            {Severity::Error,
             {},
             fillIn(_("file too large: {0} bytes, {1} holds at most {2}"),
                    std::to_string(text.size()), limits.holder, std::to_string(limits.maxBytes))});
        return document;
    }
    SourceMark badAt;
    std::string badWhat;
    if (findBadByte(text, badAt, badWhat)) {
        diagnostics.push_back({Severity::Error, badAt, fillIn(_("the file holds {0}"), badWhat)});
        return document;
    }

    std::istringstream stream(text);
    try {
        YAML::Parser parser(stream);
        YamlTreeBuilder builder(document, diagnostics, limits);
        const bool any = parser.HandleNextDocument(builder);
        if (any) {
            SecondDocumentProbe probe(limits.holder);
            parser.HandleNextDocument(probe);
        }
    } catch (const StopReading& stopped) {
        diagnostics.push_back(stopped.diagnostic);
        // The first document may be whole (a second document follows it) or cut short.
        if (stopped.diagnostic.message.rfind(fillIn(_("{0} holds one"), std::string(limits.holder)),
                                             0) != 0) {
            document.m_root = nullptr;
        }
    } catch (const YAML::Exception& error) {
        diagnostics.push_back(
            {Severity::Error, toMark(error.mark), fillIn(_("YAML syntax: {0}"), error.msg)});
        document.m_root = nullptr;
    }
    return document;
}

std::string describeNode(const YamlNode& node) {
    switch (node.kind) {
    case YamlNode::Kind::Null:
        return "nothing";
    case YamlNode::Kind::Sequence:
        return _("a list");
    case YamlNode::Kind::Map:
        return _("a map");
    case YamlNode::Kind::Scalar:
        break;
    }
    return "\"" + (node.value.size() > 40 ? node.value.substr(0, 40) + "..." : node.value) + "\"";
}

} // namespace rollcoach
