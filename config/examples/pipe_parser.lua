-- A parser for a pipe-separated wire format, one article per line:
--   id|date|language|title|body   (paragraphs separated by " // ")
-- Lines starting with '#' are comments; a malformed line fails the
-- document with its line number unless params.skip_malformed is set, in
-- which case it is logged and skipped.
contract = { reads = {}, writes = { "id", "published", "language", "title", "body" } }

local function split_paragraphs(text)
  local out = {}
  for paragraph in (text .. " // "):gmatch("(.-) // ") do
    if paragraph ~= "" then out[#out + 1] = paragraph end
  end
  return out
end

function process(doc)
  local n = 0
  for line in doc.bytes:gmatch("[^\n]*") do
    n = n + 1
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local id, date, lang, title, body = line:match("^([^|]*)|([^|]*)|([^|]*)|([^|]*)|(.*)$")
      if id then
        sluice.emit({
          id = "wire-" .. id,
          published = date,
          language = lang,
          title = title,
          body = split_paragraphs(body),
          fields = { wire_line = n },
        })
      elseif sluice.params.skip_malformed then
        sluice.warn(doc.key .. ":" .. n .. ": not id|date|language|title|body, skipped")
      else
        sluice.fail(doc.key .. ":" .. n .. ": not id|date|language|title|body")
      end
    end
  end
end
