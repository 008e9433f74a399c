#include "record/spill.h"

#include <cerrno>
#include <cstring>
#include <map>

#include "record/wire.h"

namespace jx {
namespace {

// A cell is named by file, table, row and column (the Tables sheet's first
// four columns), as MergeSheets names it.
std::string CellOf(const std::vector<Value>& row) {
  std::string k;
  for (size_t c = 0; c < 4 && c < row.size(); ++c)
    k += (row[c].kind == Value::kText ? row[c].text : row[c].number.ToString()) + '\x1f';
  return k;
}

}  // namespace

SheetsInMemory::SheetsInMemory(const std::vector<Sheet>& sheets) : sheets_(sheets) {
  for (const Sheet& s : sheets) heads_.push_back(Sheet{s.name, s.columns, {}});
}

bool SheetsInMemory::Each(size_t sheet, const RowFn& row, Error*) const {
  for (const auto& r : sheets_[sheet].rows) row(r);
  return true;
}

SheetSpill::SheetSpill(size_t files)
    : heads_(BuildSheets(std::vector<const DocumentReport*>{}, true)), files_(files) {
  for (size_t s = 0; s < heads_.size(); ++s)
    if (heads_[s].name == "Tables") tables_ = s;
  for (File& f : files_) f.parts.resize(heads_.size());
}

SheetSpill::~SheetSpill() {
  if (disk_) std::fclose(disk_);
}

void SheetSpill::Flush(std::string* buf, Part* part, size_t rows) {
  if (rows == 0) return;
  Chunk c{end_, buf->size(), rows, {}};
  if (on_disk_ && !disk_) {
    disk_ = std::tmpfile();
    on_disk_ = disk_ != nullptr;
  }
  // A temporary file that cannot be made or written (a full disk, a file
  // size limit): the rows stay in memory, in this compact form, and the run
  // goes on.
  if (on_disk_ && (std::fseek(disk_, end_, SEEK_SET) != 0 ||
                   std::fwrite(buf->data(), 1, buf->size(), disk_) != buf->size()))
    on_disk_ = false;
  if (on_disk_)
    end_ += static_cast<long>(buf->size());
  else
    c.held = std::move(*buf);
  part->chunks.push_back(std::move(c));
  buf->clear();
}

bool SheetSpill::Add(size_t i, const std::vector<Sheet>& sheets, Error* err) {
  WireWriter w;
  w.Sheets(sheets);
  return Add(i, w.bytes(), err);
}

bool SheetSpill::Add(size_t i, std::string_view sheets_wire, Error* err) {
  indexed_ = false;
  File& file = files_[i];
  file = File{};
  file.parts.resize(heads_.size());
  WireReader in(sheets_wire);
  Sheet head;
  std::vector<Value> row;
  WireWriter chunk;
  for (size_t n = in.SheetCount(); in.ok() && n > 0; --n) {
    const size_t rows = in.SheetHead(&head);
    Part* part = nullptr;
    for (size_t s = 0; s < heads_.size() && !part; ++s)
      if (heads_[s].name == head.name) part = &file.parts[s];
    // MergeSheets takes the first Tables sheet of a file as its own.
    const bool own_tables = head.name == "Tables" && !file.has_tables;
    if (head.name == "Tables" && !own_tables) part = nullptr;
    if (own_tables) file.has_tables = true;
    size_t pending = 0;
    std::string_view bytes;
    for (size_t r = 0; r < rows; ++r) {
      // Rows go to the chunk as the worker encoded them; only the one that
      // names the file is read.
      const bool names = part && head.name == "Documents" && file.name.empty() &&
                         part->rows == 0 && pending == 0;
      if (names) {
        const size_t before = in.left();
        const std::string_view rest = sheets_wire.substr(sheets_wire.size() - before);
        if (!in.Row(&row)) break;
        bytes = rest.substr(0, before - in.left());
        if (!row.empty()) file.name = row[0].text;
      } else if (!in.SkipRow(&bytes)) {
        break;
      }
      if (!part) continue;
      chunk.Raw(bytes);
      ++pending;
      ++part->rows;
      if (chunk.bytes().size() >= kChunkBytes) {
        Flush(&chunk.bytes(), part, pending);
        pending = 0;
      }
    }
    if (part) Flush(&chunk.bytes(), part, pending);
  }
  if (!in.done()) {
    *err = Error{{}, "unreadable worker result"};
    return false;
  }
  return true;
}

size_t SheetSpill::Rows(size_t sheet) const {
  size_t n = 0;
  for (const File& f : files_) n += f.parts[sheet].rows;
  return n;
}

bool SheetSpill::EachOf(const Part& part, const RowFn& row, Error* err) const {
  std::string buf;
  std::vector<Value> values;
  for (const Chunk& c : part.chunks) {
    if (c.held.empty()) {
      buf.resize(c.bytes);
      errno = 0;
      if (std::fseek(disk_, c.offset, SEEK_SET) != 0 ||
          std::fread(buf.data(), 1, c.bytes, disk_) != c.bytes) {
        *err = Error{{},
                     std::string("temporary file of the sheets: cannot read it back: ") +
                         std::strerror(errno ? errno : EIO)};
        return false;
      }
    }
    WireReader in(c.held.empty() ? std::string_view(buf) : std::string_view(c.held));
    for (size_t r = 0; r < c.rows; ++r) {
      if (!in.Row(&values)) {
        *err = Error{{}, "temporary file of the sheets: unreadable"};
        return false;
      }
      row(values);
    }
  }
  return true;
}

bool SheetSpill::Index(Error* err) const {
  if (indexed_) return true;
  // Where each file's Tables rows start in the joined sheet. A file given
  // more than once names the same cells more than once: as when the sheets
  // are built over the whole batch at once, a link then goes to the last row
  // that holds its cell.
  std::map<std::string, int> times;
  for (const File& f : files_) ++times[f.name];
  offset_.assign(files_.size(), 0);
  repeated_.assign(files_.size(), false);
  keys_.assign(files_.size(), {});
  cell_row_.clear();
  size_t rows = 0;
  for (size_t d = 0; d < files_.size(); ++d) {
    offset_[d] = rows;
    const File& f = files_[d];
    if (!f.has_tables) continue;
    repeated_[d] = times[f.name] > 1;
    if (repeated_[d]) {
      size_t r = rows;
      if (!EachOf(
              f.parts[tables_],
              [&](const std::vector<Value>& row) {
                keys_[d].push_back(CellOf(row));
                cell_row_[keys_[d].back()] = r++;
              },
              err))
        return false;
    }
    rows += f.parts[tables_].rows;
  }
  indexed_ = true;
  return true;
}

bool SheetSpill::Each(size_t sheet, const RowFn& row, Error* err) const {
  if (!Index(err)) return false;
  std::vector<Value> moved;
  for (size_t d = 0; d < files_.size(); ++d) {
    const File& f = files_[d];
    const size_t own = f.parts[tables_].rows;
    auto relink = [&](const std::vector<Value>& r) {
      bool any = false;
      for (const Value& v : r) any |= !v.link.empty();
      if (!any || sheet == tables_) return row(r);
      moved = r;
      for (Value& v : moved) {
        size_t local;
        if (v.link.empty() || !f.has_tables || !TablesLinkRow(v.link, &local) ||
            local >= own)
          continue;
        size_t to = offset_[d] + local;
        if (repeated_[d]) {
          auto it = cell_row_.find(keys_[d][local]);
          to = it == cell_row_.end() ? 0 : it->second;
        }
        v.link = TablesLink(to);
      }
      row(moved);
    };
    if (!EachOf(f.parts[sheet], relink, err)) return false;
  }
  return true;
}

bool SheetSpill::Materialize(std::vector<Sheet>* sheets, Error* err) const {
  *sheets = heads_;
  for (size_t s = 0; s < heads_.size(); ++s) {
    (*sheets)[s].rows.reserve(Rows(s));
    if (!Each(
            s, [&](const std::vector<Value>& r) { (*sheets)[s].rows.push_back(r); }, err))
      return false;
  }
  return true;
}

}  // namespace jx
