-- Drives headless Neovim (0.7) the way a user does, with the README's snippet as its configuration: opens a
-- draft, hovers (K), goes to a definition, waits for the quote check, takes a quick fix, completes a
-- quotation in insert mode with <C-x><C-o>, and writes a corpus file while running. Writes what it saw to
-- $STATEMENT_LENS_RESULT as JSON; the assertions are in neovim.test.ts.
local result = { messages = {}, errors = {} }
local draft = os.getenv('STATEMENT_LENS_DRAFT')
local indexed = {}

vim.notify = function(message) table.insert(result.messages, message) end
vim.lsp.handlers['statementLens/indexed'] = function(_, params) table.insert(indexed, params) end

local function finish()
  local file = io.open(os.getenv('STATEMENT_LENS_RESULT'), 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

-- Steps run in a coroutine resumed by timers, so that Neovim's main loop runs in between: typeahead (insert
-- mode, completion) and the language server's answers are handled as they are for a user.
local co
local function sleep(ms)
  vim.defer_fn(function() assert(coroutine.resume(co)) end, ms)
  coroutine.yield()
end
local function wait_until(what, condition, timeout)
  local started = vim.loop.now()
  while not condition() do
    if vim.loop.now() - started > timeout then
      table.insert(result.errors, 'timed out waiting for ' .. what)
      return false
    end
    sleep(20)
  end
  return vim.loop.now() - started
end
local function floating_text()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n'), win
    end
  end
end
local function cursor_on(pattern)
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.fn.search(pattern)
end

local function steps()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo.filetype
  wait_until('the first index', function() return #indexed > 0 end, 30000)
  result.indexed = indexed[1]
  result.clients = #vim.tbl_keys(vim.lsp.buf_get_clients(buf))

  -- Hover: K on a name, the card in a floating window.
  cursor_on('Qin Gang told')
  vim.lsp.buf.hover()
  wait_until('the hover window', function() return floating_text() ~= nil end, 5000)
  local text, win = floating_text()
  result.hover = text
  if win then vim.api.nvim_win_close(win, true) end

  -- Definition: where the corpus introduces the person.
  cursor_on('Yang Tao said')
  vim.lsp.buf.definition()
  wait_until('the definition', function() return vim.api.nvim_get_current_buf() ~= buf or #vim.fn.getqflist() > 0 end, 5000)
  result.definition = { file = vim.api.nvim_buf_get_name(0), line = vim.api.nvim_get_current_line(), quickfix = #vim.fn.getqflist() }
  vim.cmd('buffer ' .. buf)

  -- Diagnostics from the quote check.
  wait_until('the quote check', function() return #vim.diagnostic.get(buf) >= 3 end, 5000)
  result.diagnostics = vim.tbl_map(function(d) return { line = d.lnum, message = d.message } end, vim.diagnostic.get(buf))

  -- A quick fix, picked as a user picks it from the menu.
  cursor_on('foreseeable')
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or tostring(item)
      if title:find('exact wording', 1, true) then return on_choice(item, i) end
    end
    table.insert(result.errors, 'no exact-wording action among ' .. #items)
    on_choice(nil, nil)
  end
  vim.lsp.buf.code_action()
  wait_until('the quick fix', function() return vim.fn.getline('.'):find('predictable', 1, true) ~= nil end, 5000)
  result.fixed = vim.fn.getline('.')

  -- Completion in insert mode, as typed: <C-x><C-o> after `said "`, the first item accepted.
  local last = vim.fn.search('^Le Yucheng said "$')
  vim.api.nvim_win_set_cursor(0, { last, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('A<C-x><C-o>', true, false, true), 'n', false)
  wait_until('the completion menu', function() return vim.fn.pumvisible() == 1 end, 5000)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<C-y><Esc>', true, false, true), 'n', false)
  wait_until('normal mode', function() return vim.api.nvim_get_mode().mode == 'n' end, 5000)
  result.completed = vim.fn.getline(last)

  -- A corpus file written while the editor runs: indexed within 2 s, with no watcher in the client.
  local before = #indexed
  local file = io.open(os.getenv('STATEMENT_LENS_CORPUS') .. '/added.txt', 'w')
  file:write(os.getenv('STATEMENT_LENS_ADDED'))
  file:close()
  result.addedAfterMs = wait_until('the added file', function() return #indexed > before and indexed[#indexed].documents > result.indexed.documents end, 10000)
  vim.api.nvim_buf_set_lines(buf, 0, 0, false, { os.getenv('STATEMENT_LENS_ADDED_PERSON') .. ' spoke first.' })
  vim.api.nvim_win_set_cursor(0, { 1, 1 })
  local hovers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), 5000) or {}
  for _, answer in pairs(hovers) do
    if answer.result then result.addedHover = answer.result.contents.value end
  end
end

co = coroutine.create(function()
  local ok, error = pcall(steps)
  if not ok then table.insert(result.errors, tostring(error)) end
  finish()
end)
vim.defer_fn(function() assert(coroutine.resume(co)) end, 0)
