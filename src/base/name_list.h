// A short list of names held in one string, joined with ',' ("rows,labels"):
// a cell or row may carry several of the layout's doubts in the room of one.
#ifndef JXAUDIT_BASE_NAME_LIST_H_
#define JXAUDIT_BASE_NAME_LIST_H_

#include <string>
#include <string_view>

namespace jx {

// Calls `f` on each name of `list`, in order.
template <typename F>
void ForEachName(std::string_view list, F&& f) {
  while (!list.empty()) {
    const size_t comma = list.find(',');
    f(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
}

// Adds each name of `names` to `list` that it does not hold yet.
inline void AddNames(std::string* list, std::string_view names) {
  ForEachName(names, [&](std::string_view name) {
    bool held = false;
    ForEachName(*list, [&](std::string_view n) { held = held || n == name; });
    if (held || name.empty()) return;
    if (!list->empty()) *list += ',';
    list->append(name);
  });
}

}  // namespace jx

#endif  // JXAUDIT_BASE_NAME_LIST_H_
