-- SPDX-License-Identifier: GPL-2.0-only OR MIT
--
-- Wireshark/tshark dissector for bb's test frame tag (bbgen).
--
-- Every frame bbgen sends carries a tag at the end of its UDP payload
-- (include/uapi/linux/bbgen.h, "Tag wire format"), network byte order:
--   | checksum fix (2) | sequence number (6) |                    8 bytes
--   | checksum fix (2) | sequence number (6) | TX time (8) |      16 bytes
-- the TX time being CLOCK_TAI in ns of the sending host.
--
-- A post-dissector: whatever dissects the payload (data, RTP, ...) still
-- does; this adds a "bb test tag" tree with the fields
--   bbgen.csum_fix, bbgen.seq, bbgen.tx_time, bbgen.latency
-- for UDP frames whose source or destination port is in the preference
-- bbgen.udp_ports (bbctl's default dport 4000, and 49152-65535 where
-- bbctl's sport and scenario flows' ports are).
--
-- The tag has no magic: whether the TX time is there is decided by the
-- preference bbgen.time; "auto" takes the payload's last 8 bytes as a TX
-- time when they fall within an hour of the frame's capture time (on the
-- TAI scale: plus bbgen.tai_offset), else the tag is 8 bytes.
--
-- Use: tshark -X lua_script:bbgen.lua -r cap.pcap -T fields -e bbgen.seq
-- (make install puts it in Wireshark's global Lua plugin folder).

local bbgen = Proto("bbgen", "bb test tag")

local f_fix = ProtoField.uint16("bbgen.csum_fix", "Checksum fix", base.HEX)
local f_seq = ProtoField.uint64("bbgen.seq", "Sequence number", base.DEC)
local f_tx = ProtoField.absolute_time("bbgen.tx_time", "TX time (TAI)",
                                      base.UTC)
local f_lat = ProtoField.int64("bbgen.latency", "Latency (ns)", base.DEC)
local f_len = ProtoField.uint8("bbgen.tag_len", "Tag length", base.DEC)
bbgen.fields = { f_fix, f_seq, f_tx, f_lat, f_len }

bbgen.prefs.udp_ports = Pref.range("UDP ports", "4000,49152-65535",
	"Frames to or from these UDP ports carry the tag", 65535)
bbgen.prefs.time = Pref.enum("TX time", 0,
	"Whether the tag carries the TX time (16 bytes) or not (8)",
	{ { 1, "auto", 0 }, { 2, "always (16-byte tag)", 1 },
	  { 3, "never (8-byte tag)", 2 } }, false)
bbgen.prefs.tai_offset = Pref.uint("TAI - UTC (s)", 0,
	"CLOCK_TAI minus the capture clock (CLOCK_REALTIME) on the sender: "
	.. "0 unless chrony or ptp4l set the kernel's TAI offset (then 37)")

local udp_src = Field.new("udp.srcport")
local udp_len = Field.new("udp.length")
local udp_dst = Field.new("udp.dstport")
local frame_time = Field.new("frame.time_epoch")

local NS = UInt64(1000000000)
-- an hour in ns: a TX time further from the capture time is no TX time
local HOUR_NS = Int64(3600) * Int64(1000000000)

-- The preference is a string ("4000,49152-65535"): parsed when it changes.
local ranges_of, ranges = nil, {}
local function in_ports(port)
	local pref = tostring(bbgen.prefs.udp_ports or "")
	if pref ~= ranges_of then
		ranges_of, ranges = pref, {}
		for part in pref:gmatch("[^,%s]+") do
			local lo, hi = part:match("^(%d+)-(%d+)$")
			lo = tonumber(lo or part)
			if lo then
				ranges[#ranges + 1] = { lo, tonumber(hi) or lo }
			end
		end
	end
	for _, r in ipairs(ranges) do
		if port >= r[1] and port <= r[2] then
			return true
		end
	end
	return false
end

-- The 8 bytes at off as a TX time (TAI ns, UInt64) and the latency (ns,
-- Int64): the capture time (exact, from frame.time_epoch) on the TAI
-- scale minus the TX time.
local function tx_and_latency(tvb, off)
	local tx = tvb(off, 8):uint64()
	local t = frame_time().value
	local cap = Int64(t.secs) * Int64(1000000000) + Int64(t.nsecs)
		+ Int64(bbgen.prefs.tai_offset) * Int64(1000000000)
	return tx, cap - Int64(tx)
end

function bbgen.dissector(tvb, pinfo, tree)
	local src, dst, len = udp_src(), udp_dst(), udp_len()
	if not src or not dst or not len then
		return
	end
	if not in_ports(src.value) and not in_ports(dst.value) then
		return
	end
	local udp_off = src.offset	-- the source port opens the UDP header
	local payload = len.value - 8
	local stop = udp_off + len.value	-- end of the UDP payload
	if payload < 8 or stop > tvb:len() then
		return
	end
	local tag_len = 8
	local mode = bbgen.prefs.time
	if payload >= 16 and mode ~= 2 then
		if mode == 1 then
			tag_len = 16
		else
			local _, lat = tx_and_latency(tvb, stop - 8)
			if lat > -HOUR_NS and lat < HOUR_NS then
				tag_len = 16
			end
		end
	end
	local off = stop - tag_len
	local t = tree:add(bbgen, tvb(off, tag_len))
	t:add(f_fix, tvb(off, 2))
	t:add(f_seq, tvb(off + 2, 6), UInt64(tvb(off + 2, 6):uint64()))
	t:add(f_len, tag_len):set_generated()
	local info = "seq " .. tostring(tvb(off + 2, 6):uint64())
	if tag_len == 16 then
		local tx, lat = tx_and_latency(tvb, off + 8)
		local secs = (tx / NS):tonumber()
		local nsecs = (tx % NS):tonumber()
		t:add(f_tx, tvb(off + 8, 8), NSTime.new(secs, nsecs))
		t:add(f_lat, lat):set_generated()
		info = info .. " latency " .. tostring(lat) .. " ns"
	end
	pinfo.cols.info:append(" [bb " .. info .. "]")
end

register_postdissector(bbgen)
