// Excel number formats, the parts reports use: sections (positive;negative;
// zero), digit placeholders 0 # ?, decimals, thousands grouping and scaling,
// percent, quoted and escaped literals, colours and conditions (dropped),
// scientific notation, and dates and times. Rounding is decimal, half away
// from zero, on the value's 15 significant digits, as Excel rounds.
#include "ingest/office/numfmt.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace jx::office {
namespace {

// |x| rounded to `decimals` places: integer digits and fraction digits.
void RoundDecimal(double x, int decimals, std::string* int_part, std::string* frac) {
  x = std::fabs(x);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.14e", x);  // d.dddddddddddddde±X: 15 digits
  std::string digits;
  const char* p = buf;
  for (; *p && *p != 'e'; ++p)
    if (std::isdigit(static_cast<unsigned char>(*p))) digits.push_back(*p);
  int exp = *p == 'e' ? std::atoi(p + 1) : 0;
  // value = 0.digits × 10^(exp+1); keep the digits left of place `decimals`.
  int point = exp + 1;  // digits before the decimal point
  int keep = point + decimals;
  if (keep < 0) {
    digits.clear();
    point = 0;
  } else if (keep < static_cast<int>(digits.size())) {
    bool up = digits[static_cast<size_t>(keep)] >= '5';
    digits.resize(static_cast<size_t>(keep));
    for (int i = keep - 1; up && i >= 0; --i) {
      if (digits[static_cast<size_t>(i)] == '9') {
        digits[static_cast<size_t>(i)] = '0';
      } else {
        ++digits[static_cast<size_t>(i)];
        up = false;
      }
    }
    if (up) {
      digits.insert(digits.begin(), '1');
      ++point;
    }
  }
  // Place the point: pad with zeros on either side as needed.
  if (point <= 0) {
    digits.insert(0, static_cast<size_t>(-point), '0');
    point = 0;
  }
  if (static_cast<int>(digits.size()) < point + decimals)
    digits.append(static_cast<size_t>(point + decimals) - digits.size(), '0');
  *int_part = digits.substr(0, static_cast<size_t>(point));
  *frac = digits.substr(static_cast<size_t>(point), static_cast<size_t>(decimals));
  size_t nz = int_part->find_first_not_of('0');
  *int_part = nz == std::string::npos ? "" : int_part->substr(nz);
}

std::string General(double v) {
  if (v == 0) return "0";
  char buf[64];
  // Excel shows at most 15 significant digits; whole numbers stay whole.
  std::snprintf(buf, sizeof buf, "%.15g", v);
  std::string s = buf;
  if (s.find('e') == std::string::npos) return s;
  // Outside %g's fixed range: write it out in full when it is modest.
  if (std::fabs(v) < 1e15 && std::fabs(v) >= 1e-9) {
    std::string ip, fr;
    RoundDecimal(v, 15, &ip, &fr);
    while (!fr.empty() && fr.back() == '0') fr.pop_back();
    s = (v < 0 ? "-" : "") + (ip.empty() ? "0" : ip) + (fr.empty() ? "" : "." + fr);
  }
  return s;
}

std::vector<std::string> Sections(const std::string& code) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '\\' && i + 1 < code.size()) {
      out.back() += code.substr(i, 2);
      ++i;
      continue;
    }
    if (!quoted && c == ';') {
      out.emplace_back();
      continue;
    }
    out.back() += c;
  }
  return out;
}

struct Token {
  enum Kind { kLit, kDigit, kPoint, kComma, kPercent, kExp, kDate } kind;
  std::string text;  // literal text, the placeholder, or the date code
};

std::vector<Token> Tokenize(const std::string& s, bool* is_date) {
  std::vector<Token> out;
  *is_date = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      size_t end = s.find('"', i + 1);
      if (end == std::string::npos) end = s.size();
      out.push_back({Token::kLit, s.substr(i + 1, end - i - 1)});
      i = end;
    } else if (c == '\\' && i + 1 < s.size()) {
      // One escaped character, which may be a multi-byte UTF-8 one.
      size_t n = 1;
      while (i + 1 + n < s.size() &&
             (static_cast<unsigned char>(s[i + 1 + n]) & 0xC0) == 0x80)
        ++n;
      out.push_back({Token::kLit, s.substr(i + 1, n)});
      i += n;
    } else if (c == '[') {
      size_t end = s.find(']', i);
      if (end == std::string::npos) end = s.size();
      std::string in = s.substr(i + 1, end - i - 1);
      // [h], [mm], [ss]: elapsed time; anything else is a colour, a
      // condition or a locale, none of them printed.
      if (!in.empty() && (std::tolower(in[0]) == 'h' || std::tolower(in[0]) == 'm' ||
                          std::tolower(in[0]) == 's')) {
        out.push_back({Token::kDate, in});
        *is_date = true;
      }
      i = end;
    } else if (c == '_' || c == '*') {
      if (c == '_') out.push_back({Token::kLit, " "});
      ++i;  // the character after it sets a width or a fill
    } else if (c == '0' || c == '#' || c == '?') {
      out.push_back({Token::kDigit, std::string(1, c)});
    } else if (c == '.') {
      out.push_back({Token::kPoint, "."});
    } else if (c == ',') {
      out.push_back({Token::kComma, ","});
    } else if (c == '%') {
      out.push_back({Token::kPercent, "%"});
    } else if ((c == 'E' || c == 'e') && i + 1 < s.size() &&
               (s[i + 1] == '+' || s[i + 1] == '-')) {
      out.push_back({Token::kExp, s.substr(i, 2)});
      ++i;
    } else if (std::strchr("yYmMdDhHsS", c)) {
      size_t j = i;
      while (j < s.size() && std::tolower(s[j]) == std::tolower(c)) ++j;
      out.push_back({Token::kDate, s.substr(i, j - i)});
      *is_date = true;
      i = j - 1;
    } else if ((c == 'A' || c == 'a') && s.compare(i, 5, "AM/PM") == 0) {
      out.push_back({Token::kDate, "AM/PM"});
      *is_date = true;
      i += 4;
    } else if (c == '@') {
      out.push_back({Token::kLit, ""});
    } else {
      out.push_back({Token::kLit, std::string(1, c)});
    }
  }
  return out;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  // Days since 1970-01-01 → date (Howard Hinnant's algorithm).
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

std::string FormatDate(double v, const std::vector<Token>& toks, bool date1904) {
  if (v < 0 || v > 2958465) return General(v);  // beyond 9999-12-31
  long days = static_cast<long>(std::floor(v));
  long secs = std::lround((v - static_cast<double>(days)) * 86400);
  if (secs >= 86400) ++days, secs -= 86400;
  // Serial 1 is 1900-01-01; Excel counts a 29 February 1900 that never was.
  long unix_days = date1904 ? days - 24107 : (days < 60 ? days + 1 : days) - 25569;
  int y, mo, d;
  CivilFromDays(unix_days, &y, &mo, &d);
  int h = static_cast<int>(secs / 3600), mi = static_cast<int>(secs / 60 % 60),
      s = static_cast<int>(secs % 60);
  bool ampm = false;
  for (const Token& t : toks) ampm = ampm || t.text == "AM/PM";
  std::string out;
  char buf[32];
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind != Token::kDate) {
      if (t.kind == Token::kLit)
        out += t.text;
      else if (t.kind == Token::kPoint || t.kind == Token::kComma)
        out += t.text;
      continue;
    }
    std::string k = t.text;
    for (char& c : k) c = static_cast<char>(std::tolower(c));
    auto two = [&](int x, bool pad) {
      std::snprintf(buf, sizeof buf, pad ? "%02d" : "%d", x);
      out += buf;
    };
    if (k[0] == 'y') {
      if (k.size() <= 2)
        two(y % 100, true);
      else
        two(y, false);
    } else if (k[0] == 'd') {
      two(d, k.size() >= 2);
    } else if (k[0] == 'h') {
      int hh = ampm ? (h % 12 == 0 ? 12 : h % 12) : h;
      if (k.size() > 2) hh = static_cast<int>(days * 24 + h);  // [h]
      two(hh, k.size() >= 2 && k.size() <= 2);
    } else if (k[0] == 's') {
      two(s, k.size() >= 2);
    } else if (k == "am/pm") {
      out += h < 12 ? "AM" : "PM";
    } else if (k[0] == 'm') {
      // Minutes after an hour or before seconds; months otherwise.
      bool minute = false;
      for (size_t j = i; j-- > 0;)
        if (toks[j].kind == Token::kDate) {
          minute = std::tolower(toks[j].text[0]) == 'h';
          break;
        }
      for (size_t j = i + 1; j < toks.size() && !minute; ++j)
        if (toks[j].kind == Token::kDate) {
          minute = std::tolower(toks[j].text[0]) == 's';
          break;
        }
      if (minute)
        two(mi, k.size() >= 2);
      else
        two(mo, k.size() >= 2);
    }
  }
  return out;
}

std::string FormatSection(double v, const std::vector<Token>& toks, bool sign) {
  int pct = 0, int_zeros = 0, decimals = 0, frac_zeros = 0, scale = 0;
  bool point = false, group = false, exp = false;
  size_t first = toks.size(), last = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == Token::kDigit) {
      first = std::min(first, i);
      last = i;
      if (exp) continue;
      if (point) {
        ++decimals;
        if (t.text == "0") frac_zeros = decimals;
      } else if (t.text == "0") {
        ++int_zeros;
      }
    } else if (t.kind == Token::kPoint && !exp) {
      point = true;
    } else if (t.kind == Token::kPercent) {
      ++pct;
    } else if (t.kind == Token::kExp) {
      exp = true;
    }
  }
  if (first == toks.size()) {  // no digits: literals only
    std::string out;
    for (const Token& t : toks)
      if (t.kind == Token::kLit || t.kind == Token::kPercent) out += t.text;
    return out;
  }
  // A comma between digit placeholders groups thousands; commas after the
  // last one divide by a thousand each.
  size_t point_at = toks.size();
  for (size_t i = 0; i < toks.size(); ++i)
    if (toks[i].kind == Token::kPoint && point_at == toks.size()) point_at = i;
  for (size_t i = first; i < toks.size(); ++i) {
    if (toks[i].kind != Token::kComma) continue;
    if (i < last && i < point_at) group = true;
    bool after_digits = true;
    for (size_t j = i + 1; j < toks.size(); ++j)
      if (toks[j].kind == Token::kDigit || toks[j].kind == Token::kPoint)
        after_digits = false;
    if (after_digits) ++scale;
  }
  // Beyond what a double holds: a format asking for more prints zeros, and
  // a hostile one could ask for millions.
  decimals = std::min(decimals, 30);
  frac_zeros = std::min(frac_zeros, 30);
  int_zeros = std::min(int_zeros, 30);
  pct = std::min(pct, 8);
  scale = std::min(scale, 8);
  double x = v;
  for (int i = 0; i < pct; ++i) x *= 100;
  for (int i = 0; i < scale; ++i) x /= 1000;
  std::string number;
  if (exp) {
    int e = x == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(x))));
    double m = x / std::pow(10.0, e);
    std::string ip, fr;
    RoundDecimal(m, decimals, &ip, &fr);
    if (ip == "10") {
      ++e;
      RoundDecimal(x / std::pow(10.0, e), decimals, &ip, &fr);
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "E%s%02d", e < 0 ? "-" : "+", std::abs(e));
    number = (ip.empty() ? "0" : ip) + (decimals ? "." + fr : "") + buf;
  } else {
    std::string ip, fr;
    RoundDecimal(x, decimals, &ip, &fr);
    // '#' decimals drop trailing zeros beyond the '0' ones.
    while (static_cast<int>(fr.size()) > frac_zeros && !fr.empty() && fr.back() == '0')
      fr.pop_back();
    if (static_cast<int>(ip.size()) < int_zeros)
      ip.insert(0, static_cast<size_t>(int_zeros) - ip.size(), '0');
    if (group && ip.size() > 3) {
      std::string g;
      for (size_t i = 0; i < ip.size(); ++i) {
        if (i > 0 && (ip.size() - i) % 3 == 0) g += ',';
        g += ip[i];
      }
      ip = g;
    }
    number = ip;  // "#.00" of 0.5 shows ".50"
    if (!fr.empty())
      number += "." + fr;
    else if (decimals > 0)
      number += ".";  // "#.##" of 3 shows "3."
    if (number.empty()) number = "0";
    bool nonzero = !ip.empty() || fr.find_first_not_of('0') != std::string::npos;
    sign = sign && nonzero;
  }
  std::string out;
  bool placed = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (i >= first && i <= last) {
      if (!placed) out += (sign ? "-" : "") + number;
      placed = true;
      if (t.kind == Token::kLit && i > first && i < last) continue;  // inside the number
      continue;
    }
    if (t.kind == Token::kLit || t.kind == Token::kPercent) out += t.text;
  }
  return out;
}

}  // namespace

std::string BuiltinNumberFormat(int id) {
  switch (id) {
    case 0:
      return "General";
    case 1:
      return "0";
    case 2:
      return "0.00";
    case 3:
      return "#,##0";
    case 4:
      return "#,##0.00";
    case 9:
      return "0%";
    case 10:
      return "0.00%";
    case 11:
      return "0.00E+00";
    case 14:
      return "yyyy/m/d";  // the short date of a Chinese locale
    case 15:
      return "d-mmm-yy";
    case 16:
      return "d-mmm";
    case 17:
      return "mmm-yy";
    case 18:
      return "h:mm AM/PM";
    case 19:
      return "h:mm:ss AM/PM";
    case 20:
      return "h:mm";
    case 21:
      return "h:mm:ss";
    case 22:
      return "yyyy/m/d h:mm";
    case 37:
      return "#,##0 ;(#,##0)";
    case 38:
      return "#,##0 ;(#,##0)";
    case 39:
      return "#,##0.00;(#,##0.00)";
    case 40:
      return "#,##0.00;(#,##0.00)";
    case 45:
      return "mm:ss";
    case 46:
      return "[h]:mm:ss";
    case 47:
      return "mm:ss.0";
    case 48:
      return "##0.0E+0";
    case 49:
      return "@";
    default:
      break;
  }
  // Ids 27–36 and 50–58 are the dates of East Asian locales.
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "yyyy\"年\"m\"月\"d\"日\"";
  return "";
}

std::string FormatNumber(std::string_view value, const std::string& code, bool date1904) {
  std::string raw(value);
  char* end = nullptr;
  double v = std::strtod(raw.c_str(), &end);
  if (raw.empty() || end == raw.c_str() || !std::isfinite(v)) return raw;
  std::string lower = code;
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (code.empty() || lower == "general" || code == "@") return General(v);
  std::vector<std::string> secs = Sections(code);
  const std::string* sec = &secs[0];
  bool sign = v < 0;
  if (v < 0 && secs.size() >= 2) {
    sec = &secs[1];
    sign = false;  // the negative section prints its own sign, if any
  } else if (v == 0 && secs.size() >= 3) {
    sec = &secs[2];
  }
  std::string sl = *sec;
  for (char& c : sl) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (sl.find("general") != std::string::npos) return General(v);
  bool is_date = false;
  std::vector<Token> toks = Tokenize(*sec, &is_date);
  if (is_date) return FormatDate(v, toks, date1904);
  return FormatSection(v, toks, sign);
}

}  // namespace jx::office
