// The sheets of a batch kept on disk as each file's rows arrive, read back
// row by row in input order: what `extract` holds of a file until the end is
// an index, not its rows (a grid's Tables sheet is eleven values per printed
// cell).
#ifndef JXAUDIT_RECORD_SPILL_H_
#define JXAUDIT_RECORD_SPILL_H_

#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "record/sheets.h"

namespace jx {

// Sheets read one row at a time: what the extract writers take, whether the
// rows are in memory or on disk.
class SheetRows {
 public:
  virtual ~SheetRows() = default;
  // Each sheet's name and columns, rows empty.
  virtual const std::vector<Sheet>& heads() const = 0;
  virtual size_t Rows(size_t sheet) const = 0;
  using RowFn = std::function<void(const std::vector<Value>&)>;
  // Every row of sheet `sheet` in order; false, with why, when they cannot be
  // read back.
  virtual bool Each(size_t sheet, const RowFn& row, Error* err) const = 0;
};

// Sheets held whole (BuildSheets, MergeSheets).
class SheetsInMemory : public SheetRows {
 public:
  explicit SheetsInMemory(const std::vector<Sheet>& sheets);
  const std::vector<Sheet>& heads() const override { return heads_; }
  size_t Rows(size_t sheet) const override { return sheets_[sheet].rows.size(); }
  bool Each(size_t sheet, const RowFn& row, Error* err) const override;

 private:
  const std::vector<Sheet>& sheets_;
  std::vector<Sheet> heads_;
};

// The joined sheets of `files` files, as MergeSheets joins them (input
// order, finding links moved to the rows of the joined Tables), each file's
// rows written to an unnamed temporary file when they arrive, in any order
// (kept in memory, compact, when that file cannot be written).
class SheetSpill : public SheetRows {
 public:
  explicit SheetSpill(size_t files);
  ~SheetSpill() override;
  SheetSpill(const SheetSpill&) = delete;
  SheetSpill& operator=(const SheetSpill&) = delete;

  // File `i`'s sheets in the wire form (WireWriter::Sheets), or as values.
  bool Add(size_t i, std::string_view sheets_wire, Error* err);
  // Adding a file again replaces what it gave before (a result that did not
  // read, then its failure).
  bool Add(size_t i, const std::vector<Sheet>& sheets, Error* err);

  const std::vector<Sheet>& heads() const override { return heads_; }
  size_t Rows(size_t sheet) const override;
  bool Each(size_t sheet, const RowFn& row, Error* err) const override;
  // All of it in memory, for a writer that reads the sheets more than once.
  bool Materialize(std::vector<Sheet>* sheets, Error* err) const;

  // Rows written to disk per chunk: reading back holds one chunk.
  static constexpr size_t kChunkBytes = 1 << 20;

 private:
  struct Chunk {
    long offset = 0;
    size_t bytes = 0, rows = 0;
    std::string held;  // the rows, when the temporary file failed
  };
  struct Part {  // one file's rows of one sheet
    std::vector<Chunk> chunks;
    size_t rows = 0;
  };
  struct File {
    std::string name;         // the Documents sheet's first file
    std::vector<Part> parts;  // per sheet of heads_
    bool has_tables = false;
  };
  void Flush(std::string* buf, Part* part, size_t rows);
  bool EachOf(const Part& part, const RowFn& row, Error* err) const;
  bool Index(Error* err) const;  // offsets and the cells of repeated files

  std::vector<Sheet> heads_;
  size_t tables_ = 0;  // index of Tables in heads_
  std::vector<File> files_;
  std::FILE* disk_ = nullptr;
  long end_ = 0;
  bool on_disk_ = true;  // until the temporary file fails
  // Worked out once every file is in.
  mutable bool indexed_ = false;
  mutable std::vector<size_t> offset_;  // each file's first row in the joined Tables
  mutable std::vector<bool> repeated_;  // a file given more than once
  mutable std::map<std::string, size_t> cell_row_;      // cells of repeated files
  mutable std::vector<std::vector<std::string>> keys_;  // their Tables rows' cells
};

}  // namespace jx

#endif  // JXAUDIT_RECORD_SPILL_H_
