;; The WebAssembly SIMD kernels of @lslab/core, assembled at build time by
;; scripts/assembleKernels.mjs (wabt) into kernelsWasm.ts.
;;
;; Every kernel works on f64 rows of K values in linear memory (byte offsets as
;; i32 parameters). Rows are walked in pairs of columns on the two f64x2 lanes:
;; lane 0 takes the even columns, lane 1 the odd ones, and an odd last column is
;; handled alone. A row's sums are lane 0 + lane 1, then + the last column. The
;; JavaScript fallback (fallback.ts) does the same IEEE operations in the same
;; order, so both give the same bits. Only +, −, ×, ÷, comparisons and exact
;; scaling by powers of two are used: no fused multiply-add, no host Math.
;;
;; Slot 0 of memory (8 bytes) receives the sum of the row losses: the loss kernels
;; take the sum so far ($total) and add their rows to it in order, so a batch run
;; a chunk of rows at a time sums exactly as in one call.
(module
  (memory (export "memory") 1)

  ;; e^x on each lane; the operations of portableExp in exp.ts, in its order.
  (func $vexp (param $x v128) (result v128)
    (local $kf v128) (local $hi v128) (local $lo v128) (local $r v128)
    (local $r2 v128) (local $r4 v128) (local $b0 v128) (local $b1 v128)
    (local $b2 v128) (local $p v128) (local $k v128) (local $k1 v128)
    ;; clamp to [−746, 710] (NaN stays NaN)
    (local.set $x (f64x2.pmax (local.get $x) (f64x2.splat (f64.const -746))))
    (local.set $x (f64x2.pmin (local.get $x) (f64x2.splat (f64.const 710))))
    ;; kf = (x·(1/ln2) + 1.5·2^52) − 1.5·2^52
    (local.set $kf
      (f64x2.sub
        (f64x2.add
          (f64x2.mul (local.get $x) (f64x2.splat (f64.const 1.4426950408889634)))
          (f64x2.splat (f64.const 6755399441055744)))
        (f64x2.splat (f64.const 6755399441055744))))
    (local.set $hi
      (f64x2.sub (local.get $x)
        (f64x2.mul (local.get $kf) (f64x2.splat (f64.const 0.6931471803691238)))))
    (local.set $lo (f64x2.mul (local.get $kf) (f64x2.splat (f64.const 1.9082149292705877e-10))))
    (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
    (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
    (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
    ;; b0 = (c2 + c3·r) + (c4 + c5·r)·r²
    (local.set $b0
      (f64x2.add
        (f64x2.add (f64x2.splat (f64.const 0.5))
          (f64x2.mul (f64x2.splat (f64.const 0.16666666666666666)) (local.get $r)))
        (f64x2.mul
          (f64x2.add (f64x2.splat (f64.const 0.041666666666666664))
            (f64x2.mul (f64x2.splat (f64.const 0.008333333333333333)) (local.get $r)))
          (local.get $r2))))
    ;; b1 = (c6 + c7·r) + (c8 + c9·r)·r²
    (local.set $b1
      (f64x2.add
        (f64x2.add (f64x2.splat (f64.const 0.001388888888888889))
          (f64x2.mul (f64x2.splat (f64.const 0.0001984126984126984)) (local.get $r)))
        (f64x2.mul
          (f64x2.add (f64x2.splat (f64.const 0.0000248015873015873))
            (f64x2.mul (f64x2.splat (f64.const 0.0000027557319223985893)) (local.get $r)))
          (local.get $r2))))
    ;; b2 = (c10 + c11·r) + (c12 + c13·r)·r²
    (local.set $b2
      (f64x2.add
        (f64x2.add (f64x2.splat (f64.const 2.755731922398589e-7))
          (f64x2.mul (f64x2.splat (f64.const 2.505210838544172e-8)) (local.get $r)))
        (f64x2.mul
          (f64x2.add (f64x2.splat (f64.const 2.08767569878681e-9))
            (f64x2.mul (f64x2.splat (f64.const 1.6059043836821613e-10)) (local.get $r)))
          (local.get $r2))))
    ;; p = 1 + (hi + (r²·((b0 + b1·r⁴) + b2·r⁸) − lo))
    (local.set $p
      (f64x2.add (f64x2.splat (f64.const 1))
        (f64x2.add (local.get $hi)
          (f64x2.sub
            (f64x2.mul (local.get $r2)
              (f64x2.add
                (f64x2.add (local.get $b0) (f64x2.mul (local.get $b1) (local.get $r4)))
                (f64x2.mul (local.get $b2) (f64x2.mul (local.get $r4) (local.get $r4)))))
            (local.get $lo)))))
    ;; k as i32 (NaN → 0), k1 = k >> 1, k2 = k − k1; result (p·2^k1)·2^k2
    (local.set $k (i32x4.trunc_sat_f64x2_s_zero (local.get $kf)))
    (local.set $k1 (i32x4.shr_s (local.get $k) (i32.const 1)))
    (f64x2.mul
      (f64x2.mul (local.get $p)
        (i64x2.shl
          (i64x2.extend_low_i32x4_s (i32x4.add (local.get $k1) (i32x4.splat (i32.const 1023))))
          (i32.const 52)))
      (i64x2.shl
        (i64x2.extend_low_i32x4_s
          (i32x4.add (i32x4.sub (local.get $k) (local.get $k1)) (i32x4.splat (i32.const 1023))))
        (i32.const 52))))

  ;; e^x of one number: lane 0 of $vexp.
  (func $exp (param $x f64) (result f64)
    (f64x2.extract_lane 0 (call $vexp (f64x2.splat (local.get $x)))))

  ;; ln x for x ≥ 1 finite; the operations of portableLog (random/portableMath.ts), in its order.
  (func $log (param $x f64) (result f64)
    (local $m f64) (local $e f64) (local $f f64) (local $s f64) (local $s2 f64)
    (local $r f64) (local $small f64) (local $a f64) (local $hi f64) (local $bb f64)
    (local.set $m (local.get $x))
    (block $done1 (loop $down
      (br_if $done1 (i32.eqz (f64.lt (local.get $m) (f64.const 0.7071067811865476))))
      (local.set $m (f64.mul (local.get $m) (f64.const 2)))
      (local.set $e (f64.sub (local.get $e) (f64.const 1)))
      (br $down)))
    (block $done2 (loop $up
      (br_if $done2 (i32.eqz (f64.ge (local.get $m) (f64.const 1.4142135623730951))))
      (local.set $m (f64.mul (local.get $m) (f64.const 0.5)))
      (local.set $e (f64.add (local.get $e) (f64.const 1)))
      (br $up)))
    (local.set $f (f64.sub (local.get $m) (f64.const 1)))
    (local.set $s (f64.div (local.get $f) (f64.add (f64.const 2) (local.get $f))))
    (local.set $s2 (f64.mul (local.get $s) (local.get $s)))
    ;; r = ((…(2/23·s² + 2/21)·s² + …)·s² + 2/3)·s²
    (local.set $r (f64.const 0.08695652173913043))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.09523809523809523)))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.10526315789473684)))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.11764705882352941)))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.13333333333333333)))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.15384615384615385)))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.18181818181818182)))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.2222222222222222)))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.2857142857142857)))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.4)))
    (local.set $r (f64.add (f64.mul (local.get $r) (local.get $s2)) (f64.const 0.6666666666666666)))
    (local.set $r (f64.mul (local.get $r) (local.get $s2)))
    (local.set $small
      (f64.sub (f64.mul (local.get $e) (f64.const 1.9082149292705877e-10))
        (f64.mul (local.get $s) (f64.sub (local.get $f) (local.get $r)))))
    ;; TwoSum(e·LN2_HI, f)
    (local.set $a (f64.mul (local.get $e) (f64.const 0.6931471803691238)))
    (local.set $hi (f64.add (local.get $a) (local.get $f)))
    (local.set $bb (f64.sub (local.get $hi) (local.get $a)))
    (f64.add (local.get $hi)
      (f64.add
        (f64.add
          (f64.sub (local.get $a) (f64.sub (local.get $hi) (local.get $bb)))
          (f64.sub (local.get $f) (local.get $bb)))
        (local.get $small))))

  ;; ln(1 + x) for x ∈ [0, 1]: u = 1 + x; x if u = 1, else ln(u)·(x/(u − 1)).
  (func $log1p (param $x f64) (result f64)
    (local $u f64)
    (local.set $u (f64.add (f64.const 1) (local.get $x)))
    (if (result f64) (f64.eq (local.get $u) (f64.const 1))
      (then (local.get $x))
      (else (f64.mul (call $log (local.get $u))
        (f64.div (local.get $x) (f64.sub (local.get $u) (f64.const 1)))))))

  ;; ln s for s = cnt + rest, where cnt counts the columns equal to the row max (each
  ;; e^0 = 1, exactly) and rest sums the others: ln1p(rest) when cnt = 1, so a
  ;; confident row (s just above 1) keeps its digits; else ln(cnt + rest).
  (func $lnSum (param $cnt f64) (param $rest f64) (result f64)
    (if (result f64) (f64.eq (local.get $cnt) (f64.const 1))
      (then (call $log1p (local.get $rest)))
      (else (call $log (f64.add (local.get $cnt) (local.get $rest))))))

  ;; The gradient of the label column when it is the row's only max (e = 1,
  ;; p = 1/s): S/s − A cancels as p → 1, so it is computed as (D − A·rest)/s,
  ;; times scale, with D = S − A formed without cancelling (S = Σ_c a_c, A = a_y,
  ;; s = 1 + rest).
  (func $peakGrad (param $D f64) (param $A f64) (param $rest f64) (param $s f64) (param $scale f64)
    (result f64)
    (f64.mul
      (f64.div
        (f64.sub (local.get $D) (f64.mul (local.get $A) (local.get $rest)))
        (local.get $s))
      (local.get $scale)))

  ;; The largest of the k ≥ 1 values at $p: lanes m0, m1 keep the first of equals (a < b ? b : a),
  ;; then m = m0 < m1 ? m1 : m0, then the odd last column.
  (func $rowMax (param $p i32) (param $k i32) (result f64)
    (local $mv v128) (local $end i32) (local $m f64) (local $v f64)
    (if (i32.eq (local.get $k) (i32.const 1)) (then (return (f64.load (local.get $p)))))
    (local.set $mv (v128.load (local.get $p)))
    (local.set $end (i32.add (local.get $p) (i32.shl (i32.and (local.get $k) (i32.const -2)) (i32.const 3))))
    (local.set $p (i32.add (local.get $p) (i32.const 16)))
    (block $b (loop $l
      (br_if $b (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $mv (f64x2.pmax (local.get $mv) (v128.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br $l)))
    (local.set $m (f64x2.extract_lane 0 (local.get $mv)))
    (local.set $v (f64x2.extract_lane 1 (local.get $mv)))
    (if (f64.lt (local.get $m) (local.get $v)) (then (local.set $m (local.get $v))))
    (if (i32.and (local.get $k) (i32.const 1)) (then
      (local.set $v (f64.load (local.get $end)))
      (if (f64.lt (local.get $m) (local.get $v)) (then (local.set $m (local.get $v))))))
    (local.get $m))

  ;; e^(z − m) of the row at $z into $e; returns Σ (lanes, then the last column).
  (func $rowExp (param $z i32) (param $e i32) (param $k i32) (param $m f64) (result f64)
    (local $sv v128) (local $ev v128) (local $mv v128) (local $end i32) (local $s f64) (local $t f64)
    (local.set $mv (f64x2.splat (local.get $m)))
    (local.set $end (i32.add (local.get $z) (i32.shl (i32.and (local.get $k) (i32.const -2)) (i32.const 3))))
    (block $b (loop $l
      (br_if $b (i32.ge_u (local.get $z) (local.get $end)))
      (local.set $ev (call $vexp (f64x2.sub (v128.load (local.get $z)) (local.get $mv))))
      (v128.store (local.get $e) (local.get $ev))
      (local.set $sv (f64x2.add (local.get $sv) (local.get $ev)))
      (local.set $z (i32.add (local.get $z) (i32.const 16)))
      (local.set $e (i32.add (local.get $e) (i32.const 16)))
      (br $l)))
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $sv)) (f64x2.extract_lane 1 (local.get $sv))))
    (if (i32.and (local.get $k) (i32.const 1)) (then
      (local.set $t (call $exp (f64.sub (f64.load (local.get $z)) (local.get $m))))
      (f64.store (local.get $e) (local.get $t))
      (local.set $s (f64.add (local.get $s) (local.get $t)))))
    (local.get $s))

  ;; Row-wise softmax of n×k at $z into $out: e = e^(z − m), then e·(1/Σe).
  (func (export "softmax") (param $z i32) (param $out i32) (param $n i32) (param $k i32)
    (local $i i32) (local $inv f64) (local $iv v128) (local $o i32) (local $end i32) (local $row i32)
    (local.set $row (i32.shl (local.get $k) (i32.const 3)))
    (block $b (loop $l
      (br_if $b (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $inv (f64.div (f64.const 1)
        (call $rowExp (local.get $z) (local.get $out) (local.get $k)
          (call $rowMax (local.get $z) (local.get $k)))))
      (local.set $iv (f64x2.splat (local.get $inv)))
      (local.set $o (local.get $out))
      (local.set $end (i32.add (local.get $out) (i32.shl (i32.and (local.get $k) (i32.const -2)) (i32.const 3))))
      (block $b2 (loop $l2
        (br_if $b2 (i32.ge_u (local.get $o) (local.get $end)))
        (v128.store (local.get $o) (f64x2.mul (v128.load (local.get $o)) (local.get $iv)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $l2)))
      (if (i32.and (local.get $k) (i32.const 1)) (then
        (f64.store (local.get $o) (f64.mul (f64.load (local.get $o)) (local.get $inv)))))
      (local.set $z (i32.add (local.get $z) (local.get $row)))
      (local.set $out (i32.add (local.get $out) (local.get $row)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l))))

  ;; Row-wise log-sum-exp m + ln Σ e^(z − m) into $lse (n values); $scratch holds k values.
  ;; With $out ≠ 0 also writes log-softmax z − lse there.
  (func (export "logSumExp") (param $z i32) (param $lse i32) (param $out i32) (param $scratch i32)
    (param $n i32) (param $k i32)
    (local $i i32) (local $m f64) (local $v f64) (local $vv v128) (local $j i32) (local $end i32)
    (local $row i32)
    (local.set $row (i32.shl (local.get $k) (i32.const 3)))
    (block $b (loop $l
      (br_if $b (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $m (call $rowMax (local.get $z) (local.get $k)))
      (local.set $v (f64.add (local.get $m)
        (call $log (call $rowExp (local.get $z) (local.get $scratch) (local.get $k) (local.get $m)))))
      (f64.store (local.get $lse) (local.get $v))
      (if (local.get $out) (then
        (local.set $vv (f64x2.splat (local.get $v)))
        (local.set $j (i32.const 0))
        (local.set $end (i32.shl (i32.and (local.get $k) (i32.const -2)) (i32.const 3)))
        (block $b2 (loop $l2
          (br_if $b2 (i32.ge_u (local.get $j) (local.get $end)))
          (v128.store (i32.add (local.get $out) (local.get $j))
            (f64x2.sub (v128.load (i32.add (local.get $z) (local.get $j))) (local.get $vv)))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $l2)))
        (if (i32.and (local.get $k) (i32.const 1)) (then
          (f64.store (i32.add (local.get $out) (local.get $j))
            (f64.sub (f64.load (i32.add (local.get $z) (local.get $j))) (local.get $v)))))
        (local.set $out (i32.add (local.get $out) (local.get $row)))))
      (local.set $z (i32.add (local.get $z) (local.get $row)))
      (local.set $lse (i32.add (local.get $lse) (i32.const 8)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l))))

  ;; Softmax cross-entropy, class-index targets. Per row i with label y ($labels, i32;
  ;; −1 = ignored: loss 0, gradient 0): d = z − m, e = e^d stored in the gradient row,
  ;; s = Σe = cnt + rest (see $lnSum). $mode 0 (no weights, or weightMode 'sample'; wy = w[y], or 1 when $hasW = 0):
  ;;   dot = Σd, l = wy·(ln s − (off·dot + jump·d_y)), g = (e·(wy/s) − wy·off)·scale,
  ;;   g_y = (e_y·(wy/s) − wy·off − wy·jump)·scale.
  ;; $mode 1 (class weights on the target mass): dot = Σ w·d, S = off·wSum + jump·w_y,
  ;;   l = S·ln s − (off·dot + jump·w_y·d_y), g = (e·(S/s) − off·w)·scale,
  ;;   g_y = (e_y·(S/s) − off·w_y − jump·w_y)·scale.
  ;; Row losses go to $loss, their running sum to slot 0. Returns −1, or the first row
  ;; whose sums are not finite (a NaN or ±∞ logit, or a spread beyond the double range).
  (func (export "crossEntropyIndex") (param $z i32) (param $labels i32) (param $w i32)
    (param $grad i32) (param $loss i32) (param $n i32) (param $k i32) (param $on f64)
    (param $off f64) (param $scale f64) (param $mode i32) (param $hasW i32) (param $wSum f64)
    (param $cmp f64) (param $total f64) (result i32)
    (local $i i32) (local $y i32) (local $row i32) (local $kp i32) (local $j i32)
    (local $m f64) (local $s f64) (local $dot f64) (local $jump f64) (local $wy f64)
    (local $inv f64) (local $c f64) (local $l f64) (local $dy f64)
    (local $sv v128) (local $dv v128) (local $mv v128) (local $ev v128) (local $d v128)
    (local $invv v128) (local $cv v128) (local $scv v128) (local $offv v128) (local $t f64) (local $ey f64)
    (local $cntv v128) (local $eq v128) (local $cnt f64) (local $lns f64) (local $rest f64)
    (local $peak i32)
    (local.set $jump (f64.sub (local.get $on) (local.get $off)))
    (local.set $row (i32.shl (local.get $k) (i32.const 3)))
    (local.set $kp (i32.shl (i32.and (local.get $k) (i32.const -2)) (i32.const 3)))
    (local.set $scv (f64x2.splat (local.get $scale)))
    (local.set $offv (f64x2.splat (local.get $off)))
    (block $b (loop $l
      (br_if $b (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $y (i32.load (local.get $labels)))
      (if (i32.lt_s (local.get $y) (i32.const 0))
        (then
          ;; ignored: any NaN/±∞ makes z − z non-zero (NaN); then zeros
          (local.set $j (i32.const 0))
          (local.set $s (f64.const 0))
          (block $b3 (loop $l3
            (br_if $b3 (i32.ge_u (local.get $j) (local.get $row)))
            (local.set $t (f64.load (i32.add (local.get $z) (local.get $j))))
            (local.set $s (f64.add (local.get $s) (f64.sub (local.get $t) (local.get $t))))
            (f64.store (i32.add (local.get $grad) (local.get $j)) (f64.const 0))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $l3)))
          (if (f64.ne (local.get $s) (local.get $s)) (then (return (local.get $i))))
          (local.set $l (f64.const 0)))
        (else
          (local.set $m (call $rowMax (local.get $z) (local.get $k)))
          (local.set $mv (f64x2.splat (local.get $m)))
          (local.set $sv (v128.const i64x2 0 0))
          (local.set $cntv (v128.const i64x2 0 0))
          (local.set $dv (v128.const i64x2 0 0))
          (local.set $j (i32.const 0))
          (block $b2 (loop $l2
            (br_if $b2 (i32.ge_u (local.get $j) (local.get $kp)))
            (local.set $d (f64x2.sub (v128.load (i32.add (local.get $z) (local.get $j))) (local.get $mv)))
            (local.set $ev (call $vexp (local.get $d)))
            (v128.store (i32.add (local.get $grad) (local.get $j)) (local.get $ev))
            ;; columns at the max count 1 each, the others add their e
            (local.set $eq (f64x2.eq (local.get $d) (v128.const i64x2 0 0)))
            (local.set $cntv (i64x2.sub (local.get $cntv) (local.get $eq)))
            (local.set $sv (f64x2.add (local.get $sv) (v128.andnot (local.get $ev) (local.get $eq))))
            (if (local.get $mode)
              (then (local.set $dv (f64x2.add (local.get $dv)
                (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $j))) (local.get $d)))))
              (else (local.set $dv (f64x2.add (local.get $dv) (local.get $d)))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $l2)))
          (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $sv)) (f64x2.extract_lane 1 (local.get $sv))))
          (local.set $cnt (f64.convert_i64_s (i64.add (i64x2.extract_lane 0 (local.get $cntv))
            (i64x2.extract_lane 1 (local.get $cntv)))))
          (local.set $dot (f64.add (f64x2.extract_lane 0 (local.get $dv)) (f64x2.extract_lane 1 (local.get $dv))))
          (if (i32.and (local.get $k) (i32.const 1)) (then
            (local.set $t (f64.sub (f64.load (i32.add (local.get $z) (local.get $kp))) (local.get $m)))
            (local.set $c (call $exp (local.get $t)))
            (f64.store (i32.add (local.get $grad) (local.get $kp)) (local.get $c))
            (if (f64.eq (local.get $t) (f64.const 0))
              (then (local.set $cnt (f64.add (local.get $cnt) (f64.const 1))))
              (else (local.set $s (f64.add (local.get $s) (local.get $c)))))
            (if (local.get $mode)
              (then (local.set $dot (f64.add (local.get $dot)
                (f64.mul (f64.load (i32.add (local.get $w) (local.get $kp))) (local.get $t)))))
              (else (local.set $dot (f64.add (local.get $dot) (local.get $t)))))))
          ;; s < ∞ and dot finite, else the caller names the bad logit
          (if (i32.eqz (i32.and (f64.lt (local.get $s) (f64.const inf))
                (i32.and (f64.gt (local.get $dot) (f64.const -inf)) (f64.lt (local.get $dot) (f64.const inf)))))
            (then (return (local.get $i))))
          (local.set $lns (call $lnSum (local.get $cnt) (local.get $s)))
          (local.set $rest (local.get $s))
          (local.set $s (f64.add (local.get $cnt) (local.get $s)))
          (local.set $dy (f64.sub (f64.load (i32.add (local.get $z) (i32.shl (local.get $y) (i32.const 3)))) (local.get $m)))
          (local.set $peak (i32.and (f64.eq (local.get $cnt) (f64.const 1)) (f64.eq (local.get $dy) (f64.const 0))))
          (local.set $ey (f64.load (i32.add (local.get $grad) (i32.shl (local.get $y) (i32.const 3)))))
          (local.set $wy (f64.const 1))
          (if (local.get $hasW) (then
            (local.set $wy (f64.load (i32.add (local.get $w) (i32.shl (local.get $y) (i32.const 3)))))))
          (if (local.get $mode)
            (then
              ;; c = S = off·wSum + jump·w_y
              (local.set $c (f64.add (f64.mul (local.get $off) (local.get $wSum)) (f64.mul (local.get $jump) (local.get $wy))))
              (local.set $inv (f64.div (local.get $c) (local.get $s)))
              (local.set $l (f64.sub (f64.mul (local.get $c) (local.get $lns))
                (f64.add (f64.mul (local.get $off) (local.get $dot))
                  (f64.mul (f64.mul (local.get $jump) (local.get $wy)) (local.get $dy)))))
              (local.set $invv (f64x2.splat (local.get $inv)))
              (local.set $j (i32.const 0))
              (block $b4 (loop $l4
                (br_if $b4 (i32.ge_u (local.get $j) (local.get $kp)))
                (v128.store (i32.add (local.get $grad) (local.get $j))
                  (f64x2.mul
                    (f64x2.sub (f64x2.mul (v128.load (i32.add (local.get $grad) (local.get $j))) (local.get $invv))
                      (f64x2.mul (local.get $offv) (v128.load (i32.add (local.get $w) (local.get $j)))))
                    (local.get $scv)))
                (local.set $j (i32.add (local.get $j) (i32.const 16)))
                (br $l4)))
              (if (i32.and (local.get $k) (i32.const 1)) (then
                (f64.store (i32.add (local.get $grad) (local.get $kp))
                  (f64.mul
                    (f64.sub (f64.mul (f64.load (i32.add (local.get $grad) (local.get $kp))) (local.get $inv))
                      (f64.mul (local.get $off) (f64.load (i32.add (local.get $w) (local.get $kp)))))
                    (local.get $scale)))))
              (local.set $j (i32.shl (local.get $y) (i32.const 3)))
              (f64.store (i32.add (local.get $grad) (local.get $j))
                (f64.mul
                  (f64.sub
                    (f64.sub (f64.mul (local.get $ey) (local.get $inv))
                      (f64.mul (local.get $off) (local.get $wy)))
                    (f64.mul (local.get $jump) (local.get $wy)))
                  (local.get $scale)))
              (if (local.get $peak) (then
                (f64.store (i32.add (local.get $grad) (local.get $j))
                  ;; D = off·(Σw − w_y)
                  (call $peakGrad (f64.mul (local.get $off) (f64.sub (local.get $wSum) (local.get $wy)))
                    (f64.add (f64.mul (local.get $off) (local.get $wy)) (f64.mul (local.get $jump) (local.get $wy)))
                    (local.get $rest) (local.get $s) (local.get $scale))))))
            (else
              ;; c = wy·off
              (local.set $inv (f64.div (local.get $wy) (local.get $s)))
              (local.set $c (f64.mul (local.get $wy) (local.get $off)))
              (local.set $l (f64.mul (local.get $wy)
                (f64.sub (local.get $lns)
                  (f64.add (f64.mul (local.get $off) (local.get $dot)) (f64.mul (local.get $jump) (local.get $dy))))))
              (local.set $invv (f64x2.splat (local.get $inv)))
              (local.set $cv (f64x2.splat (local.get $c)))
              (local.set $j (i32.const 0))
              (block $b5 (loop $l5
                (br_if $b5 (i32.ge_u (local.get $j) (local.get $kp)))
                (v128.store (i32.add (local.get $grad) (local.get $j))
                  (f64x2.mul
                    (f64x2.sub (f64x2.mul (v128.load (i32.add (local.get $grad) (local.get $j))) (local.get $invv))
                      (local.get $cv))
                    (local.get $scv)))
                (local.set $j (i32.add (local.get $j) (i32.const 16)))
                (br $l5)))
              (if (i32.and (local.get $k) (i32.const 1)) (then
                (f64.store (i32.add (local.get $grad) (local.get $kp))
                  (f64.mul
                    (f64.sub (f64.mul (f64.load (i32.add (local.get $grad) (local.get $kp))) (local.get $inv))
                      (local.get $c))
                    (local.get $scale)))))
              (local.set $j (i32.shl (local.get $y) (i32.const 3)))
              (f64.store (i32.add (local.get $grad) (local.get $j))
                (f64.mul
                  (f64.sub
                    (f64.sub (f64.mul (local.get $ey) (local.get $inv))
                      (local.get $c))
                    (f64.mul (local.get $wy) (local.get $jump)))
                  (local.get $scale)))
              (if (local.get $peak) (then
                (f64.store (i32.add (local.get $grad) (local.get $j))
                  ;; D = w_y·(1 − q_y), 1 − q_y = $cmp = off·(K − 1)
                  (call $peakGrad (f64.mul (local.get $wy) (local.get $cmp))
                    (f64.add (local.get $c) (f64.mul (local.get $wy) (local.get $jump)))
                    (local.get $rest) (local.get $s) (local.get $scale)))))))))
      (f64.store (local.get $loss) (local.get $l))
      (local.set $total (f64.add (local.get $total) (local.get $l)))
      (local.set $z (i32.add (local.get $z) (local.get $row)))
      (local.set $grad (i32.add (local.get $grad) (local.get $row)))
      (local.set $labels (i32.add (local.get $labels) (i32.const 4)))
      (local.set $loss (i32.add (local.get $loss) (i32.const 8)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (f64.store (i32.const 0) (local.get $total))
    (i32.const -1))


  ;; Softmax cross-entropy, probability targets $t: q = keep·t + u. Per row: m; with
  ;; $mode 2 (weightMode 'sample') rw = Σ w·t (lanes, then the last column), else rw = 1;
  ;; a = w·q ($mode 1, class weights) or rw·q; S = Σa, dot = Σ a·d, s = Σe;
  ;; l = S·ln s − dot, g = (e·(S/s) − a)·scale. Losses, slot 0 and the result as above.
  (func (export "crossEntropyProbability") (param $z i32) (param $t i32) (param $w i32)
    (param $grad i32) (param $loss i32) (param $n i32) (param $k i32) (param $keep f64)
    (param $u f64) (param $scale f64) (param $mode i32) (param $total f64) (result i32)
    (local $i i32) (local $row i32) (local $kp i32) (local $j i32) (local $m f64) (local $s f64)
    (local $dot f64) (local $sa f64) (local $rw f64) (local $inv f64) (local $l f64)
    (local $d f64) (local $a f64) (local $e f64)
    (local $mv v128) (local $dv v128) (local $ev v128) (local $av v128) (local $sv v128)
    (local $dotv v128) (local $sav v128) (local $rwv v128) (local $keepv v128) (local $uv v128)
    (local $invv v128) (local $scv v128) (local $cntv v128) (local $eq v128) (local $cnt f64)
    (local.set $row (i32.shl (local.get $k) (i32.const 3)))
    (local.set $kp (i32.shl (i32.and (local.get $k) (i32.const -2)) (i32.const 3)))
    (local.set $keepv (f64x2.splat (local.get $keep)))
    (local.set $uv (f64x2.splat (local.get $u)))
    (local.set $scv (f64x2.splat (local.get $scale)))
    (block $b (loop $l
      (br_if $b (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $m (call $rowMax (local.get $z) (local.get $k)))
      (local.set $mv (f64x2.splat (local.get $m)))
      (local.set $rw (f64.const 1))
      (if (i32.eq (local.get $mode) (i32.const 2)) (then
        (local.set $rwv (v128.const i64x2 0 0))
        (local.set $j (i32.const 0))
        (block $b1 (loop $l1
          (br_if $b1 (i32.ge_u (local.get $j) (local.get $kp)))
          (local.set $rwv (f64x2.add (local.get $rwv)
            (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $j)))
              (v128.load (i32.add (local.get $t) (local.get $j))))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $l1)))
        (local.set $rw (f64.add (f64x2.extract_lane 0 (local.get $rwv)) (f64x2.extract_lane 1 (local.get $rwv))))
        (if (i32.and (local.get $k) (i32.const 1)) (then
          (local.set $rw (f64.add (local.get $rw)
            (f64.mul (f64.load (i32.add (local.get $w) (local.get $kp)))
              (f64.load (i32.add (local.get $t) (local.get $kp))))))))))
      (local.set $rwv (f64x2.splat (local.get $rw)))
      (local.set $sv (v128.const i64x2 0 0))
      (local.set $cntv (v128.const i64x2 0 0))
      (local.set $dotv (v128.const i64x2 0 0))
      (local.set $sav (v128.const i64x2 0 0))
      (local.set $j (i32.const 0))
      (block $b2 (loop $l2
        (br_if $b2 (i32.ge_u (local.get $j) (local.get $kp)))
        (local.set $dv (f64x2.sub (v128.load (i32.add (local.get $z) (local.get $j))) (local.get $mv)))
        (local.set $ev (call $vexp (local.get $dv)))
        (v128.store (i32.add (local.get $grad) (local.get $j)) (local.get $ev))
        (local.set $eq (f64x2.eq (local.get $dv) (v128.const i64x2 0 0)))
        (local.set $cntv (i64x2.sub (local.get $cntv) (local.get $eq)))
        (local.set $sv (f64x2.add (local.get $sv) (v128.andnot (local.get $ev) (local.get $eq))))
        (local.set $av (f64x2.add (f64x2.mul (local.get $keepv) (v128.load (i32.add (local.get $t) (local.get $j))))
          (local.get $uv)))
        (if (i32.eq (local.get $mode) (i32.const 1))
          (then (local.set $av (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $j))) (local.get $av))))
          (else (local.set $av (f64x2.mul (local.get $rwv) (local.get $av)))))
        (local.set $sav (f64x2.add (local.get $sav) (local.get $av)))
        (local.set $dotv (f64x2.add (local.get $dotv) (f64x2.mul (local.get $av) (local.get $dv))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $l2)))
      (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $sv)) (f64x2.extract_lane 1 (local.get $sv))))
      (local.set $cnt (f64.convert_i64_s (i64.add (i64x2.extract_lane 0 (local.get $cntv))
        (i64x2.extract_lane 1 (local.get $cntv)))))
      (local.set $sa (f64.add (f64x2.extract_lane 0 (local.get $sav)) (f64x2.extract_lane 1 (local.get $sav))))
      (local.set $dot (f64.add (f64x2.extract_lane 0 (local.get $dotv)) (f64x2.extract_lane 1 (local.get $dotv))))
      (if (i32.and (local.get $k) (i32.const 1)) (then
        (local.set $d (f64.sub (f64.load (i32.add (local.get $z) (local.get $kp))) (local.get $m)))
        (local.set $e (call $exp (local.get $d)))
        (f64.store (i32.add (local.get $grad) (local.get $kp)) (local.get $e))
        (if (f64.eq (local.get $d) (f64.const 0))
          (then (local.set $cnt (f64.add (local.get $cnt) (f64.const 1))))
          (else (local.set $s (f64.add (local.get $s) (local.get $e)))))
        (local.set $a (f64.add (f64.mul (local.get $keep) (f64.load (i32.add (local.get $t) (local.get $kp))))
          (local.get $u)))
        (if (i32.eq (local.get $mode) (i32.const 1))
          (then (local.set $a (f64.mul (f64.load (i32.add (local.get $w) (local.get $kp))) (local.get $a))))
          (else (local.set $a (f64.mul (local.get $rw) (local.get $a)))))
        (local.set $sa (f64.add (local.get $sa) (local.get $a)))
        (local.set $dot (f64.add (local.get $dot) (f64.mul (local.get $a) (local.get $d))))))
      (if (i32.eqz (i32.and (f64.lt (local.get $s) (f64.const inf))
            (i32.and (f64.gt (local.get $dot) (f64.const -inf)) (f64.lt (local.get $dot) (f64.const inf)))))
        (then (return (local.get $i))))
      (local.set $l (f64.sub (f64.mul (local.get $sa) (call $lnSum (local.get $cnt) (local.get $s))) (local.get $dot)))
      (local.set $s (f64.add (local.get $cnt) (local.get $s)))
      (local.set $inv (f64.div (local.get $sa) (local.get $s)))
      (local.set $invv (f64x2.splat (local.get $inv)))
      (local.set $j (i32.const 0))
      (block $b3 (loop $l3
        (br_if $b3 (i32.ge_u (local.get $j) (local.get $kp)))
        (local.set $av (f64x2.add (f64x2.mul (local.get $keepv) (v128.load (i32.add (local.get $t) (local.get $j))))
          (local.get $uv)))
        (if (i32.eq (local.get $mode) (i32.const 1))
          (then (local.set $av (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $j))) (local.get $av))))
          (else (local.set $av (f64x2.mul (local.get $rwv) (local.get $av)))))
        (v128.store (i32.add (local.get $grad) (local.get $j))
          (f64x2.mul
            (f64x2.sub (f64x2.mul (v128.load (i32.add (local.get $grad) (local.get $j))) (local.get $invv))
              (local.get $av))
            (local.get $scv)))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $l3)))
      (if (i32.and (local.get $k) (i32.const 1)) (then
        (local.set $a (f64.add (f64.mul (local.get $keep) (f64.load (i32.add (local.get $t) (local.get $kp))))
          (local.get $u)))
        (if (i32.eq (local.get $mode) (i32.const 1))
          (then (local.set $a (f64.mul (f64.load (i32.add (local.get $w) (local.get $kp))) (local.get $a))))
          (else (local.set $a (f64.mul (local.get $rw) (local.get $a)))))
        (f64.store (i32.add (local.get $grad) (local.get $kp))
          (f64.mul
            (f64.sub (f64.mul (f64.load (i32.add (local.get $grad) (local.get $kp))) (local.get $inv))
              (local.get $a))
            (local.get $scale)))))
      (f64.store (local.get $loss) (local.get $l))
      (local.set $total (f64.add (local.get $total) (local.get $l)))
      (local.set $z (i32.add (local.get $z) (local.get $row)))
      (local.set $t (i32.add (local.get $t) (local.get $row)))
      (local.set $grad (i32.add (local.get $grad) (local.get $row)))
      (local.set $loss (i32.add (local.get $loss) (i32.const 8)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (f64.store (i32.const 0) (local.get $total))
    (i32.const -1))

  ;; Sigmoid cross-entropy of $count elements x with targets t, in rows of $cols columns
  ;; ($wpos: one positive weight a column). Per element: t' = keep·t + shift, neg = 1 − t',
  ;; pos = w·t', E = e^−|x|, L = ln(1 + E),
  ;; l = neg·(max(x, 0) + L) + pos·(max(−x, 0) + L), σ(|x|) = 1/(1 + E), σ(−|x|) = E/(1 + E),
  ;; g = (neg·σ(x) − pos·σ(−x)) / $div. Losses to $loss, their sum to slot 0.
  (func (export "sigmoidCrossEntropy") (param $x i32) (param $t i32) (param $wpos i32)
    (param $grad i32) (param $loss i32) (param $count i32) (param $cols i32) (param $keep f64)
    (param $shift f64) (param $div f64) (param $total f64)
    (local $i i32) (local $c i32) (local $xe f64) (local $ts f64) (local $neg f64) (local $pos f64)
    (local $e f64) (local $l1p f64) (local $l f64) (local $d f64)
    (local $sp f64) (local $sn f64)
    (block $b (loop $l
      (br_if $b (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $xe (f64.load (local.get $x)))
      (local.set $ts (f64.add (f64.mul (local.get $keep) (f64.load (local.get $t))) (local.get $shift)))
      (local.set $neg (f64.sub (f64.const 1) (local.get $ts)))
      (local.set $pos (f64.mul (f64.load (i32.add (local.get $wpos) (i32.shl (local.get $c) (i32.const 3))))
        (local.get $ts)))
      (local.set $e (call $exp (f64.neg (f64.abs (local.get $xe)))))
      (local.set $l1p (call $log1p (local.get $e)))
      (local.set $l (f64.add
        (f64.mul (local.get $neg) (f64.add (f64.max (local.get $xe) (f64.const 0)) (local.get $l1p)))
        (f64.mul (local.get $pos) (f64.add (f64.max (f64.neg (local.get $xe)) (f64.const 0)) (local.get $l1p)))))
      (f64.store (local.get $loss) (local.get $l))
      (local.set $total (f64.add (local.get $total) (local.get $l)))
      (local.set $d (f64.add (f64.const 1) (local.get $e)))
      (local.set $sp (f64.div (f64.const 1) (local.get $d)))
      (local.set $sn (f64.div (local.get $e) (local.get $d)))
      (if (f64.lt (local.get $xe) (f64.const 0)) (then
        (local.set $d (local.get $sp)) (local.set $sp (local.get $sn)) (local.set $sn (local.get $d))))
      ;; now sp = σ(x), sn = σ(−x)
      (f64.store (local.get $grad)
        (f64.div
          (f64.sub (f64.mul (local.get $neg) (local.get $sp)) (f64.mul (local.get $pos) (local.get $sn)))
          (local.get $div)))
      (local.set $x (i32.add (local.get $x) (i32.const 8)))
      (local.set $t (i32.add (local.get $t) (i32.const 8)))
      (local.set $grad (i32.add (local.get $grad) (i32.const 8)))
      (local.set $loss (i32.add (local.get $loss) (i32.const 8)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (if (i32.eq (local.get $c) (local.get $cols)) (then (local.set $c (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (f64.store (i32.const 0) (local.get $total)))
  ;; Dense product out = a·w + bias over `rows` rows: a is rows×m, w is m×p, bias p
  ;; values (or none: $hasBias = 0), out rows×p, all row-major f64. The order of every sum is
  ;; that of productRows in product.ts (the JavaScript twin): for four rows at a time,
  ;; s = bias_j, then s = s + (((x_k·w_kj + x_k+1·w_k+1,j) + x_k+2·w_k+2,j) + x_k+3·w_k+3,j)
  ;; for each k in steps of 4, then s = s + x_k·w_kj for the last m mod 4; the last rows mod 4
  ;; alone, s = s + x_k·w_kj for every k. Columns go in pairs on the two lanes; an odd last
  ;; column is computed on a pair whose second lane reads past the row (w and bias carry
  ;; 16 bytes of padding) and only lane 0 is stored.
  (func (export "product") (param $a i32) (param $rows i32) (param $m i32) (param $w i32)
    (param $p i32) (param $bias i32) (param $hasBias i32) (param $out i32)
    (local $i i32) (local $j i32) (local $k i32) (local $rowA i32) (local $rowW i32)
    (local $m4 i32) (local $n4 i32) (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $wk i32) (local $o i32) (local $p8 i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $rowA (i32.shl (local.get $m) (i32.const 3)))
    (local.set $rowW (i32.shl (local.get $p) (i32.const 3)))
    (local.set $p8 (local.get $rowW))
    (local.set $m4 (i32.shl (i32.and (local.get $m) (i32.const -4)) (i32.const 3)))
    (local.set $n4 (i32.and (local.get $rows) (i32.const -4)))
    ;; four rows at a time
    (block $bi (loop $li
      (br_if $bi (i32.ge_u (local.get $i) (local.get $n4)))
      (local.set $j (i32.const 0))
      (block $bj (loop $lj
        (br_if $bj (i32.ge_u (local.get $j) (local.get $p8)))
        (local.set $s0 (v128.const i64x2 0 0))
        (if (local.get $hasBias) (then
          (local.set $s0 (v128.load (i32.add (local.get $bias) (local.get $j))))))
        (local.set $s1 (local.get $s0))
        (local.set $s2 (local.get $s0))
        (local.set $s3 (local.get $s0))
        (local.set $a0 (local.get $a))
        (local.set $a1 (i32.add (local.get $a0) (local.get $rowA)))
        (local.set $a2 (i32.add (local.get $a1) (local.get $rowA)))
        (local.set $a3 (i32.add (local.get $a2) (local.get $rowA)))
        (local.set $wk (i32.add (local.get $w) (local.get $j)))
        (local.set $k (i32.const 0))
        (block $bk (loop $lk
          (br_if $bk (i32.ge_u (local.get $k) (local.get $m4)))
          (local.set $c0 (v128.load (local.get $wk)))
          (local.set $c1 (v128.load (i32.add (local.get $wk) (local.get $rowW))))
          (local.set $c2 (v128.load (i32.add (local.get $wk) (i32.shl (local.get $rowW) (i32.const 1)))))
          (local.set $c3 (v128.load (i32.add (local.get $wk) (i32.mul (local.get $rowW) (i32.const 3)))))
          (local.set $s0 (f64x2.add (local.get $s0) (f64x2.add (f64x2.add (f64x2.add
            (f64x2.mul (v128.load64_splat (local.get $a0)) (local.get $c0))
            (f64x2.mul (v128.load64_splat offset=8 (local.get $a0)) (local.get $c1)))
            (f64x2.mul (v128.load64_splat offset=16 (local.get $a0)) (local.get $c2)))
            (f64x2.mul (v128.load64_splat offset=24 (local.get $a0)) (local.get $c3)))))
          (local.set $s1 (f64x2.add (local.get $s1) (f64x2.add (f64x2.add (f64x2.add
            (f64x2.mul (v128.load64_splat (local.get $a1)) (local.get $c0))
            (f64x2.mul (v128.load64_splat offset=8 (local.get $a1)) (local.get $c1)))
            (f64x2.mul (v128.load64_splat offset=16 (local.get $a1)) (local.get $c2)))
            (f64x2.mul (v128.load64_splat offset=24 (local.get $a1)) (local.get $c3)))))
          (local.set $s2 (f64x2.add (local.get $s2) (f64x2.add (f64x2.add (f64x2.add
            (f64x2.mul (v128.load64_splat (local.get $a2)) (local.get $c0))
            (f64x2.mul (v128.load64_splat offset=8 (local.get $a2)) (local.get $c1)))
            (f64x2.mul (v128.load64_splat offset=16 (local.get $a2)) (local.get $c2)))
            (f64x2.mul (v128.load64_splat offset=24 (local.get $a2)) (local.get $c3)))))
          (local.set $s3 (f64x2.add (local.get $s3) (f64x2.add (f64x2.add (f64x2.add
            (f64x2.mul (v128.load64_splat (local.get $a3)) (local.get $c0))
            (f64x2.mul (v128.load64_splat offset=8 (local.get $a3)) (local.get $c1)))
            (f64x2.mul (v128.load64_splat offset=16 (local.get $a3)) (local.get $c2)))
            (f64x2.mul (v128.load64_splat offset=24 (local.get $a3)) (local.get $c3)))))
          (local.set $a0 (i32.add (local.get $a0) (i32.const 32)))
          (local.set $a1 (i32.add (local.get $a1) (i32.const 32)))
          (local.set $a2 (i32.add (local.get $a2) (i32.const 32)))
          (local.set $a3 (i32.add (local.get $a3) (i32.const 32)))
          (local.set $wk (i32.add (local.get $wk) (i32.shl (local.get $rowW) (i32.const 2))))
          (local.set $k (i32.add (local.get $k) (i32.const 32)))
          (br $lk)))
        ;; the last m mod 4 columns of a, one at a time
        (block $bt (loop $lt
          (br_if $bt (i32.ge_u (local.get $k) (local.get $rowA)))
          (local.set $c0 (v128.load (local.get $wk)))
          (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (v128.load64_splat (local.get $a0)) (local.get $c0))))
          (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (v128.load64_splat (local.get $a1)) (local.get $c0))))
          (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (v128.load64_splat (local.get $a2)) (local.get $c0))))
          (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (v128.load64_splat (local.get $a3)) (local.get $c0))))
          (local.set $a0 (i32.add (local.get $a0) (i32.const 8)))
          (local.set $a1 (i32.add (local.get $a1) (i32.const 8)))
          (local.set $a2 (i32.add (local.get $a2) (i32.const 8)))
          (local.set $a3 (i32.add (local.get $a3) (i32.const 8)))
          (local.set $wk (i32.add (local.get $wk) (local.get $rowW)))
          (local.set $k (i32.add (local.get $k) (i32.const 8)))
          (br $lt)))
        (local.set $o (i32.add (local.get $out) (local.get $j)))
        (if (i32.lt_u (i32.add (local.get $j) (i32.const 8)) (local.get $p8))
          (then
            (v128.store (local.get $o) (local.get $s0))
            (v128.store (i32.add (local.get $o) (local.get $rowW)) (local.get $s1))
            (v128.store (i32.add (local.get $o) (i32.shl (local.get $rowW) (i32.const 1))) (local.get $s2))
            (v128.store (i32.add (local.get $o) (i32.mul (local.get $rowW) (i32.const 3))) (local.get $s3)))
          (else
            (v128.store64_lane 0 (local.get $o) (local.get $s0))
            (v128.store64_lane 0 (i32.add (local.get $o) (local.get $rowW)) (local.get $s1))
            (v128.store64_lane 0 (i32.add (local.get $o) (i32.shl (local.get $rowW) (i32.const 1))) (local.get $s2))
            (v128.store64_lane 0 (i32.add (local.get $o) (i32.mul (local.get $rowW) (i32.const 3))) (local.get $s3))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $lj)))
      (local.set $a (i32.add (local.get $a) (i32.shl (local.get $rowA) (i32.const 2))))
      (local.set $out (i32.add (local.get $out) (i32.shl (local.get $rowW) (i32.const 2))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $li)))
    ;; the last rows mod 4, one at a time
    (block $bi2 (loop $li2
      (br_if $bi2 (i32.ge_u (local.get $i) (local.get $rows)))
      (local.set $j (i32.const 0))
      (block $bj2 (loop $lj2
        (br_if $bj2 (i32.ge_u (local.get $j) (local.get $p8)))
        (local.set $s0 (v128.const i64x2 0 0))
        (if (local.get $hasBias) (then
          (local.set $s0 (v128.load (i32.add (local.get $bias) (local.get $j))))))
        (local.set $a0 (local.get $a))
        (local.set $wk (i32.add (local.get $w) (local.get $j)))
        (local.set $k (i32.const 0))
        (block $bk2 (loop $lk2
          (br_if $bk2 (i32.ge_u (local.get $k) (local.get $rowA)))
          (local.set $s0 (f64x2.add (local.get $s0)
            (f64x2.mul (v128.load64_splat (local.get $a0)) (v128.load (local.get $wk)))))
          (local.set $a0 (i32.add (local.get $a0) (i32.const 8)))
          (local.set $wk (i32.add (local.get $wk) (local.get $rowW)))
          (local.set $k (i32.add (local.get $k) (i32.const 8)))
          (br $lk2)))
        (local.set $o (i32.add (local.get $out) (local.get $j)))
        (if (i32.lt_u (i32.add (local.get $j) (i32.const 8)) (local.get $p8))
          (then (v128.store (local.get $o) (local.get $s0)))
          (else (v128.store64_lane 0 (local.get $o) (local.get $s0))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $lj2)))
      (local.set $a (i32.add (local.get $a) (local.get $rowA)))
      (local.set $out (i32.add (local.get $out) (local.get $rowW)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $li2))))

  ;; out (m×p) += aᵀ·g and, with $hasBias, bias (p) += the column sums of g, over `rows` rows
  ;; of a (rows×m) and g (rows×p): the weight and bias gradients of a dense layer, in the order
  ;; of addTransposeProductRows in productJs.ts. For four rows at a time: bias_j =
  ;; (((bias_j + g0j) + g1j) + g2j) + g3j; out_kj = out_kj + (((x0k·g0j + x1k·g1j) + x2k·g2j) + x3k·g3j)
  ;; for every k; the last rows mod 4 alone: bias_j + g_ij, out_kj + x_k·g_ij. Columns j go in pairs;
  ;; an odd last column is computed on a pair (g carries 16 bytes of padding) and only lane 0 stored.
  (func (export "addTransposeProduct") (param $a i32) (param $rows i32) (param $m i32) (param $g i32)
    (param $p i32) (param $out i32) (param $bias i32) (param $hasBias i32)
    (local $i i32) (local $j i32) (local $k i32) (local $rowA i32) (local $rowG i32) (local $n4 i32)
    (local $g0 i32) (local $g1 i32) (local $g2 i32) (local $g3 i32) (local $ok i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $v v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $rowA (i32.shl (local.get $m) (i32.const 3)))
    (local.set $rowG (i32.shl (local.get $p) (i32.const 3)))
    (local.set $n4 (i32.and (local.get $rows) (i32.const -4)))
    (block $bi (loop $li
      (br_if $bi (i32.ge_u (local.get $i) (local.get $n4)))
      (local.set $g0 (local.get $g))
      (local.set $g1 (i32.add (local.get $g0) (local.get $rowG)))
      (local.set $g2 (i32.add (local.get $g1) (local.get $rowG)))
      (local.set $g3 (i32.add (local.get $g2) (local.get $rowG)))
      (if (local.get $hasBias) (then
        (local.set $j (i32.const 0))
        (block $bb (loop $lb
          (br_if $bb (i32.ge_u (local.get $j) (local.get $rowG)))
          (local.set $v (f64x2.add (f64x2.add (f64x2.add (f64x2.add
            (v128.load (i32.add (local.get $bias) (local.get $j)))
            (v128.load (i32.add (local.get $g0) (local.get $j))))
            (v128.load (i32.add (local.get $g1) (local.get $j))))
            (v128.load (i32.add (local.get $g2) (local.get $j))))
            (v128.load (i32.add (local.get $g3) (local.get $j)))))
          (call $storePair (i32.add (local.get $bias) (local.get $j)) (local.get $v)
            (i32.lt_u (i32.add (local.get $j) (i32.const 8)) (local.get $rowG)))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $lb)))))
      (local.set $k (i32.const 0))
      (local.set $ok (local.get $out))
      (block $bk (loop $lk
        (br_if $bk (i32.ge_u (local.get $k) (local.get $rowA)))
        (local.set $x0 (v128.load64_splat (i32.add (local.get $a) (local.get $k))))
        (local.set $x1 (v128.load64_splat (i32.add (i32.add (local.get $a) (local.get $rowA)) (local.get $k))))
        (local.set $x2 (v128.load64_splat
          (i32.add (i32.add (local.get $a) (i32.shl (local.get $rowA) (i32.const 1))) (local.get $k))))
        (local.set $x3 (v128.load64_splat
          (i32.add (i32.add (local.get $a) (i32.mul (local.get $rowA) (i32.const 3))) (local.get $k))))
        (local.set $j (i32.const 0))
        (block $bj (loop $lj
          (br_if $bj (i32.ge_u (local.get $j) (local.get $rowG)))
          (local.set $v (f64x2.add (v128.load (i32.add (local.get $ok) (local.get $j)))
            (f64x2.add (f64x2.add (f64x2.add
              (f64x2.mul (local.get $x0) (v128.load (i32.add (local.get $g0) (local.get $j))))
              (f64x2.mul (local.get $x1) (v128.load (i32.add (local.get $g1) (local.get $j)))))
              (f64x2.mul (local.get $x2) (v128.load (i32.add (local.get $g2) (local.get $j)))))
              (f64x2.mul (local.get $x3) (v128.load (i32.add (local.get $g3) (local.get $j)))))))
          (if (i32.lt_u (i32.add (local.get $j) (i32.const 8)) (local.get $rowG))
            (then (v128.store (i32.add (local.get $ok) (local.get $j)) (local.get $v)))
            (else (v128.store64_lane 0 (i32.add (local.get $ok) (local.get $j)) (local.get $v))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $lj)))
        (local.set $ok (i32.add (local.get $ok) (local.get $rowG)))
        (local.set $k (i32.add (local.get $k) (i32.const 8)))
        (br $lk)))
      (local.set $a (i32.add (local.get $a) (i32.shl (local.get $rowA) (i32.const 2))))
      (local.set $g (i32.add (local.get $g) (i32.shl (local.get $rowG) (i32.const 2))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $li)))
    ;; the last rows mod 4, one at a time
    (block $bi2 (loop $li2
      (br_if $bi2 (i32.ge_u (local.get $i) (local.get $rows)))
      (if (local.get $hasBias) (then
        (local.set $j (i32.const 0))
        (block $bb2 (loop $lb2
          (br_if $bb2 (i32.ge_u (local.get $j) (local.get $rowG)))
          (call $storePair (i32.add (local.get $bias) (local.get $j))
            (f64x2.add (v128.load (i32.add (local.get $bias) (local.get $j)))
              (v128.load (i32.add (local.get $g) (local.get $j))))
            (i32.lt_u (i32.add (local.get $j) (i32.const 8)) (local.get $rowG)))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $lb2)))))
      (local.set $k (i32.const 0))
      (local.set $ok (local.get $out))
      (block $bk2 (loop $lk2
        (br_if $bk2 (i32.ge_u (local.get $k) (local.get $rowA)))
        (local.set $x0 (v128.load64_splat (i32.add (local.get $a) (local.get $k))))
        (local.set $j (i32.const 0))
        (block $bj2 (loop $lj2
          (br_if $bj2 (i32.ge_u (local.get $j) (local.get $rowG)))
          (local.set $v (f64x2.add (v128.load (i32.add (local.get $ok) (local.get $j)))
            (f64x2.mul (local.get $x0) (v128.load (i32.add (local.get $g) (local.get $j))))))
          (if (i32.lt_u (i32.add (local.get $j) (i32.const 8)) (local.get $rowG))
            (then (v128.store (i32.add (local.get $ok) (local.get $j)) (local.get $v)))
            (else (v128.store64_lane 0 (i32.add (local.get $ok) (local.get $j)) (local.get $v))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $lj2)))
        (local.set $ok (i32.add (local.get $ok) (local.get $rowG)))
        (local.set $k (i32.add (local.get $k) (i32.const 8)))
        (br $lk2)))
      (local.set $a (i32.add (local.get $a) (local.get $rowA)))
      (local.set $g (i32.add (local.get $g) (local.get $rowG)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $li2))))

  ;; Stores both lanes of $v at $at, or lane 0 alone when $both is 0 (an odd last column).
  (func $storePair (param $at i32) (param $v v128) (param $both i32)
    (if (local.get $both)
      (then (v128.store (local.get $at) (local.get $v)))
      (else (v128.store64_lane 0 (local.get $at) (local.get $v)))))

  ;; tanh in place on $n values at $x, the operations of tanhInPlace (tanhJs.ts) in its order, two
  ;; at a time: y = 2x, idx = trunc(y/ln2 + 64.5), k = idx − 64, r = (y − k·LN2_HI) − k·LN2_LO,
  ;; q = the Estrin sum of 1/j! (j = 2…14), e = r + r²·q, p = 2^k (set bit by bit), t = p·e + (p − 1),
  ;; tanh = t/(t + 2). Where tanhInPlace calls Math.tanh (x = ±0, |x| ≥ 22, NaN) the lane takes x
  ;; itself for ±0 and NaN and ±1 (the sign of x) for |x| ≥ 22, which is what Math.tanh returns there.
  (func (export "tanh") (param $x i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $b (loop $l
      (br_if $b (i32.ge_u (local.get $x) (local.get $end)))
      (v128.store (local.get $x) (call $tanhPair (v128.load (local.get $x))))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (br $l)))
    (if (i32.and (local.get $n) (i32.const 1)) (then
      (f64.store (local.get $x)
        (f64x2.extract_lane 0 (call $tanhPair (f64x2.splat (f64.load (local.get $x)))))))))

  (func $tanhPair (param $x v128) (result v128)
    (local $y v128) (local $idx v128) (local $k v128) (local $r v128) (local $r2 v128) (local $r4 v128)
    (local $r8 v128) (local $q v128) (local $e v128) (local $p v128) (local $t v128) (local $ok v128)
    (local $res v128)
    ;; the lanes tanhInPlace computes: −22 < x < 22 and x ≠ 0 (false for NaN)
    (local.set $ok (v128.and
      (v128.and (f64x2.lt (local.get $x) (f64x2.splat (f64.const 22))) (f64x2.gt (local.get $x) (f64x2.splat (f64.const -22))))
      (f64x2.ne (local.get $x) (v128.const i64x2 0 0))))
    ;; other lanes get 0 here, so the integer conversion below stays in range
    (local.set $y (v128.and (f64x2.add (local.get $x) (local.get $x)) (local.get $ok)))
    (local.set $idx (i32x4.trunc_sat_f64x2_s_zero
      (f64x2.add (f64x2.mul (local.get $y) (f64x2.splat (f64.const 1.4426950408889634))) (f64x2.splat (f64.const 64.5)))))
    (local.set $k (f64x2.convert_low_i32x4_s (i32x4.sub (local.get $idx) (i32x4.splat (i32.const 64)))))
    (local.set $r (f64x2.sub
      (f64x2.sub (local.get $y) (f64x2.mul (local.get $k) (f64x2.splat (f64.const 0.6931471803691238))))
      (f64x2.mul (local.get $k) (f64x2.splat (f64.const 1.9082149292705877e-10)))))
    (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
    (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
    (local.set $r8 (f64x2.mul (local.get $r4) (local.get $r4)))
    ;; q = (((C2 + C3·r) + r²·(C4 + C5·r)) + r⁴·((C6 + C7·r) + r²·(C8 + C9·r)))
    ;;     + r⁸·(((C10 + C11·r) + r²·(C12 + C13·r)) + r⁴·C14)
    (local.set $q
      (f64x2.add
        (f64x2.add
          (f64x2.add
            (f64x2.add (f64x2.splat (f64.const 0.5)) (f64x2.mul (f64x2.splat (f64.const 0.16666666666666666)) (local.get $r)))
            (f64x2.mul (local.get $r2) (f64x2.add (f64x2.splat (f64.const 0.041666666666666664)) (f64x2.mul (f64x2.splat (f64.const 0.008333333333333333)) (local.get $r)))))
          (f64x2.mul (local.get $r4)
            (f64x2.add
              (f64x2.add (f64x2.splat (f64.const 0.001388888888888889)) (f64x2.mul (f64x2.splat (f64.const 0.0001984126984126984)) (local.get $r)))
              (f64x2.mul (local.get $r2) (f64x2.add (f64x2.splat (f64.const 0.0000248015873015873)) (f64x2.mul (f64x2.splat (f64.const 0.0000027557319223985893)) (local.get $r)))))))
        (f64x2.mul (local.get $r8)
          (f64x2.add
            (f64x2.add
              (f64x2.add (f64x2.splat (f64.const 2.755731922398589e-7)) (f64x2.mul (f64x2.splat (f64.const 2.505210838544172e-8)) (local.get $r)))
              (f64x2.mul (local.get $r2) (f64x2.add (f64x2.splat (f64.const 2.08767569878681e-9)) (f64x2.mul (f64x2.splat (f64.const 1.6059043836821613e-10)) (local.get $r)))))
            (f64x2.mul (local.get $r4) (f64x2.splat (f64.const 1.1470745597729725e-11)))))))
    (local.set $e (f64x2.add (local.get $r) (f64x2.mul (local.get $r2) (local.get $q))))
    ;; p = 2^(idx − 64): the exponent field set to idx − 64 + 1023
    (local.set $p (i64x2.shl
      (i64x2.extend_low_i32x4_s (i32x4.add (local.get $idx) (i32x4.splat (i32.const 959))))
      (i32.const 52)))
    (local.set $t (f64x2.add (f64x2.mul (local.get $p) (local.get $e)) (f64x2.sub (local.get $p) (f64x2.splat (f64.const 1)))))
    (local.set $res (f64x2.div (local.get $t) (f64x2.add (local.get $t) (f64x2.splat (f64.const 2)))))
    ;; ±0 and NaN stay as they are; |x| ≥ 22 (±∞ too) gives ±1 with the sign of x
    (v128.bitselect (local.get $res)
      (v128.bitselect
        (v128.or (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000)) (f64x2.splat (f64.const 1)))
        (local.get $x)
        (f64x2.ge (f64x2.abs (local.get $x)) (f64x2.splat (f64.const 22))))
      (local.get $ok)))

)
