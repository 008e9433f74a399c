// The deflate level of the workbooks. libxlsxwriter compresses every part at
// zlib's default level (6) and has no setting for it; deflating the sheet XML
// at that level cost more than writing it. It opens each part through
// minizip's zipOpenNewFileInZip4_64, which this definition stands in front
// of (the executable's symbol comes first in the dynamic lookup): a part
// asked for at the default level is deflated at kWorkbookDeflateLevel, every
// other argument passed on unchanged to minizip's own function.
#include <dlfcn.h>

#include "export/book.h"

namespace {

// zlib's values (zlib.h), and minizip's error for a call it cannot make.
constexpr int kZDeflated = 8, kZDefaultCompression = -1, kZipInternalError = -104;

}  // namespace

extern "C" {

// minizip 1.1 (zip.h), the types spelled out: zipFile is a pointer,
// zip_fileinfo a struct only passed on, uInt and uLong unsigned int and long.
using ZipOpenFn = int (*)(void*, const char*, const void*, const void*, unsigned,
                          const void*, unsigned, const char*, int, int, int, int, int,
                          int, const char*, unsigned long, unsigned long, unsigned long,
                          int);

__attribute__((visibility("default"))) int zipOpenNewFileInZip4_64(
    void* file, const char* filename, const void* zipfi, const void* extrafield_local,
    unsigned size_extrafield_local, const void* extrafield_global,
    unsigned size_extrafield_global, const char* comment, int method, int level, int raw,
    int window_bits, int mem_level, int strategy, const char* password,
    unsigned long crc_for_crypting, unsigned long version_made_by,
    unsigned long flag_base, int zip64) {
  static const ZipOpenFn real =
      reinterpret_cast<ZipOpenFn>(dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64"));
  if (!real) return kZipInternalError;
  if (method == kZDeflated && level == kZDefaultCompression)
    level = jx::kWorkbookDeflateLevel;
  return real(file, filename, zipfi, extrafield_local, size_extrafield_local,
              extrafield_global, size_extrafield_global, comment, method, level, raw,
              window_bits, mem_level, strategy, password, crc_for_crypting,
              version_made_by, flag_base, zip64);
}

}  // extern "C"

namespace jx {

bool WorkbookDeflateLevelSet() {
  return dlsym(RTLD_DEFAULT, "zipOpenNewFileInZip4_64") ==
         reinterpret_cast<void*>(&zipOpenNewFileInZip4_64);
}

}  // namespace jx
