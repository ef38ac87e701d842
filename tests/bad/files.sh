# Writes the malformed inputs of the bad-input catalogue into the current
# folder: CSV, IDX (plain and gzip), safetensors and script files, each
# with one defect (its name says which). Plain sh, printf, awk and gzip:
# the tests run no Python. Sourced by tests/bad/run.sh.

# Bytes from numbers: `bytes 0 0 8 1` writes four bytes.
bytes() { for b in "$@"; do printf "\\$(printf '%03o' "$b")"; done; }
be32() { bytes $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) $(($1 >> 8 & 255)) $(($1 & 255)); }
le64() { # $1 a decimal number below 2^64 (awk splits it into bytes)
    bytes $(awk -v n="$1" 'BEGIN { for (i = 0; i < 8; i++) { b = n % 256; printf "%d ", b;
                                    n = (n - b) / 256 } }')
}
gz() { gzip -n -c; }

# ---- CSV -------------------------------------------------------------------
printf 'a,b,y\n1,2,0\n3,4,1\n' >csv_good.csv
printf 'a,b,y\n1,2,0\n3,0\n' >csv_ragged.csv
printf 'a,b,y\n1,2,0,7\n' >csv_ragged_long.csv
: >csv_empty.csv
printf 'a,b,y\n' >csv_header_only.csv
printf 'a,b,y' >csv_header_no_newline.csv
printf '\n\n\n' >csv_blank_lines.csv
printf 'a,b,y\n"1,2,0\n' >csv_quote_open.csv
printf 'a,b,y\n"1"x,2,0\n' >csv_quote_junk.csv
printf 'a,b,y\nnan,2,0\n' >csv_nan.csv
printf 'a,b,y\ninf,2,0\n' >csv_inf.csv
printf 'a,b,y\n1,-inf,0\n' >csv_minus_inf.csv
printf 'a,b,y\n1e999,2,0\n' >csv_overflow.csv
printf 'a,b,y\n1,two,0\n' >csv_text_cell.csv
printf 'a,b,y\n1,2,0.5\n' >csv_label_fraction.csv
printf 'a,b,y\n1,2,-1\n' >csv_label_negative.csv
printf 'a,b,y\n1,2,nan\n' >csv_label_nan.csv
printf 'a,b,y\n1,2,1e12\n' >csv_label_huge.csv
printf 'a,b,y\n1,2,cat\n3,4,dog\n' >csv_label_text.csv
printf 'a,b,y\n1,,0\n' >csv_empty_cell.csv
printf 'a,b,y\n1,2\0,0\n' >csv_nul.csv
printf 'a,b,y\n1,\377\376,0\n' >csv_not_utf8.csv
printf 'a,\377,y\n1,2,0\n' >csv_not_utf8_header.csv
printf 'y\n0\n1\n' >csv_label_only.csv
printf 'a;b;y\n1;2;0\n' >csv_semicolons.csv
# a 10 MB line: one row of 5 million cells where the header has three
{ printf 'a,b,y\n'; awk 'BEGIN { s = "1,"; while (length(s) < 5000000) s = s s; printf "%s0\n", substr(s, 1, 9999998) }'; } >csv_long_line.csv
# a 10 MB cell: a number of ten million digits
{ printf 'a,b,y\n'; awk 'BEGIN { s = "9"; while (length(s) < 10000000) s = s s; printf "%s,2,0\n", substr(s, 1, 10000000) }'; } >csv_long_cell.csv
mkdir -p csv_dir.csv

# ---- IDX -------------------------------------------------------------------
idx_labels() { bytes 0 0 8 1; be32 "$1"; shift; bytes "$@"; }
idx_images() { # $1 n, $2 rows, $3 cols, then pixel bytes
    bytes 0 0 8 3; be32 "$1"; be32 "$2"; be32 "$3"; shift 3; bytes "$@"; }
idx_labels 2 0 1 >lab2
idx_labels 2 0 1 | gz >lab2.gz
idx_images 2 1 2 10 20 30 40 >img2
idx_images 2 1 2 10 20 30 >idx_truncated
idx_images 2 1 2 | head -c 10 >idx_header_cut
{ bytes 0 0 8 3; be32 2; be32 1; } >idx_dims_cut
{ bytes 1 2 8 3; be32 2; be32 1; be32 2; bytes 1 2 3 4; } >idx_magic
{ bytes 0 0 8 0; } >idx_zero_dims
{ bytes 0 0 8 200; be32 2; } >idx_many_dims
{ bytes 0 0 9 3; be32 2; be32 1; be32 2; bytes 1 2 3 4; } >idx_signed_type
{ bytes 0 0 13 3; be32 2; be32 1; be32 2; bytes 1 2 3 4; } >idx_float_type
{ bytes 0 0 77 3; be32 2; be32 1; be32 2; bytes 1 2 3 4; } >idx_unknown_type
{ bytes 0 0 8 3; be32 2; be32 4294967295; be32 4294967295; } >idx_overflow
{ bytes 0 0 8 3; be32 2; be32 65536; be32 65536; } >idx_huge
{ bytes 0 0 8 3; be32 0; be32 1; be32 2; } >idx_no_samples
{ bytes 0 0 8 3; be32 2; be32 0; be32 2; } >idx_zero_rows
: >idx_empty
printf 'P5 28 28 255\n' >idx_text
idx_labels 3 0 1 2 >lab3
{ bytes 0 0 8 2; be32 2; be32 1; bytes 0 1; } >lab_2d
idx_labels 2 0 250 >lab_250
idx_images 2 1 2 10 20 30 40 | gz >img2.gz
idx_images 2 1 2 10 20 30 40 | gz | head -c 20 >idx_gz_cut.gz
# a gzip stream whose CRC is wrong: one byte of the trailer flipped
idx_images 2 1 2 10 20 30 40 | gz >tmp.gz
n=$(wc -c <tmp.gz); { head -c $((n - 8)) tmp.gz; bytes 1 2 3 4; tail -c 4 tmp.gz; } >idx_gz_crc.gz
# garbage after the gzip magic
{ bytes 31 139 8 0 0 0 0 0 0 3; printf 'this is not deflate data at all'; } >idx_gz_garbage.gz
rm -f tmp.gz
# a gzip bomb: a header that promises 10^9 pixels, then 16 MB of zeros
# compressed to a few kilobytes
{ bytes 0 0 8 3; be32 1000; be32 1000; be32 1000; head -c 16000000 /dev/zero; } | gz >idx_bomb.gz
idx_labels 1000 | gz >lab1000.gz
{ idx_labels 1000; head -c 1000 /dev/zero; } | gz >lab1000z.gz
mkdir -p idx_dir

# ---- safetensors (for dense(2) on 3 inputs: layers.0.weight [2, 3],
# layers.0.bias [2]; F32, 24 + 8 bytes of data) --------------------------
st() { # $1 the header's JSON, then the number of data bytes
    h=$1; n=${#h}; le64 "$n"; printf '%s' "$h"; head -c "${2:-32}" /dev/zero; }
W='"layers.0.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}'
B='"layers.0.bias":{"dtype":"F32","shape":[2],"data_offsets":[24,32]}'
st "{$W,$B}" >st_good.safetensors
st "{$W,$B}" 20 >st_truncated.safetensors
st "{$W,$B}" | head -c 40 >st_header_cut.safetensors
{ bytes 0 0 0 0 0 0 0 128; printf "{}"; } >st_len_2p63.safetensors
{ bytes 255 255 255 255 255 255 255 255; printf "{}"; } >st_len_max.safetensors
{ le64 0; } >st_len_zero.safetensors
{ le64 100000; printf '{}'; } >st_len_past_end.safetensors
printf 'abc' >st_short.safetensors
: >st_empty.safetensors
st '{' >st_json_open.safetensors
st '[]' >st_json_list.safetensors
st 'null' >st_json_null.safetensors
st '{"layers.0.weight":1}' >st_json_number.safetensors
st '{"layers.0.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]' >st_json_cut.safetensors
st '{"layers.0.weight:{}}' >st_json_string_open.safetensors
st "{$W,$B} junk" >st_json_trailing.safetensors
st "{$W,$B,}" >st_json_comma.safetensors
st "$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "["; }')" >st_json_deep.safetensors
st "{$(printf '%s' "$W" | sed 's/F32/F64/'),$B}" 56 >st_dtype_f64.safetensors
st "{$(printf '%s' "$W" | sed 's/F32/I8/; s/0,24/0,6/'),$(printf '%s' "$B" | sed 's/24,32/6,14/')}" 14 >st_dtype_i8.safetensors
st "{$(printf '%s' "$W" | sed 's/F32/Q9/'),$B}" >st_dtype_unknown.safetensors
st "{$(printf '%s' "$W" | sed 's/"F32"/32/'),$B}" >st_dtype_number.safetensors
st "{$(printf '%s' "$W" | sed 's/\[2,3\]/[3,2]/'),$B}" >st_shape_swapped.safetensors
st "{$(printf '%s' "$W" | sed 's/\[2,3\]/[6]/'),$B}" >st_shape_flat.safetensors
st "{$(printf '%s' "$W" | sed 's/\[2,3\]/[2,-3]/'),$B}" >st_shape_negative.safetensors
st "{$(printf '%s' "$W" | sed 's/\[2,3\]/[1e30,3]/'),$B}" >st_shape_huge.safetensors
st "{$(printf '%s' "$W" | sed 's/\[2,3\]/[4294967296,4294967296,4294967296]/'),$B}" >st_shape_overflow.safetensors
st "{$(printf '%s' "$W" | sed 's/\[2,3\]/"2x3"/'),$B}" >st_shape_text.safetensors
st "{$W,$W,$B}" >st_duplicate.safetensors
st "{$W,$(printf '%s' "$B" | sed 's/24,32/16,24/')}" >st_overlap.safetensors
st "{$W,$(printf '%s' "$B" | sed 's/24,32/24,4000/')}" >st_offsets_past_end.safetensors
st "{$W,$(printf '%s' "$B" | sed 's/24,32/32,24/')}" >st_offsets_reversed.safetensors
st "{$W,$(printf '%s' "$B" | sed 's/24,32/24,28/')}" >st_offsets_size.safetensors
st "{$W,$(printf '%s' "$B" | sed 's/24,32/24,18446744073709551615/')}" >st_offsets_huge.safetensors
st "{$W,$(printf '%s' "$B" | sed 's/\[24,32\]/[24]/')}" >st_offsets_one.safetensors
st "{$W}" 24 >st_missing_bias.safetensors
st "{$W,$B,\"layers.9.weight\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[32,36]}}" 36 >st_extra.safetensors
st "{\"__metadata__\":7,$W,$B}" >st_metadata_number.safetensors
st "{$W,$B,\"$(printf '\377\376')\":{}}" >st_not_utf8.safetensors
st "{$(printf '%s' "$W" | sed 's/dtype/type/'),$B}" >st_no_dtype.safetensors
mkdir -p st_dir.safetensors

# ---- scripts ----------------------------------------------------------------
printf 'import "cyc_b.fx"\nlet a = 1\n' >cyc_a.fx
printf 'import "cyc_a.fx"\nlet b = 2\n' >cyc_b.fx
printf 'import "cyc_a.fx"\nprint a\n' >cyc_main.fx
printf 'print 1 \377\376\n' >script_not_utf8.fx
printf 'print 1\0\n' >script_nul.fx
mkdir -p script_dir.fx
printf 'a file' >plain_file
# /dev/full under names save accepts: a disk that is full from the start
for e in csv safetensors npy; do ln -sf /dev/full "full.$e"; done
