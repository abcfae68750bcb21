ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
QUẬN NGÔ QUYỀN                              Độc lập - Tự do - Hạnh phúc

Số: 97/KH-UBND                       Ngô Quyền, ngày 20 tháng 5 năm 2025

KẾ HOẠCH
Thực hiện Kế hoạch số 124/KH-UBND ngày 18/4/2025 của Ủy ban nhân dân thành phố về triển khai Kết luận số 146-KL/TW của Bộ Chính trị trên địa bàn quận

Thực hiện Kế hoạch số 124/KH-UBND ngày 18/4/2025 của Ủy ban nhân dân thành phố Hải Phòng triển khai thực hiện Kết luận số 146-KL/TW ngày 14/3/2025 của Bộ Chính trị; căn cứ tình hình thực tế của địa phương, Ủy ban nhân dân quận xây dựng Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Triển khai kịp thời, hiệu quả các nhiệm vụ chuyển đổi số của thành phố trên địa bàn quận.
2. Gắn trách nhiệm của người đứng đầu các cơ quan, đơn vị, Ủy ban nhân dân các phường với kết quả chuyển đổi số.

II. NHIỆM VỤ CỤ THỂ

1. Chuyển đổi số trong hoạt động của chính quyền

1.1. Phấn đấu đến năm 2026, 90% hồ sơ công việc tại Ủy ban nhân dân quận và 80% hồ sơ công việc tại Ủy ban nhân dân các phường được xử lý trên môi trường mạng.
1.2. Cung cấp dịch vụ công trực tuyến toàn trình cho 100% thủ tục hành chính đủ điều kiện thuộc thẩm quyền của quận trong quý IV/2025.

2. Phát triển xã hội số

a) Duy trì hoạt động của các Tổ công nghệ số cộng đồng tại 100% tổ dân phố; hướng dẫn người dân sử dụng dịch vụ công trực tuyến thường xuyên.
b) Phổ biến thanh toán không dùng tiền mặt tại các chợ, trường học, cơ sở y tế trên địa bàn quận trong năm 2025.

III. TỔ CHỨC THỰC HIỆN

1. Phòng Văn hóa và Thông tin: Chủ trì, phối hợp với Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận theo dõi, đôn đốc việc thực hiện Kế hoạch; định kỳ hằng quý báo cáo Ủy ban nhân dân quận.
2. Phòng Tài chính - Kế hoạch: Chủ trì tham mưu bố trí kinh phí thực hiện Kế hoạch hằng năm.
3. Phòng Giáo dục và Đào tạo: Chủ trì, phối hợp với các trường học trên địa bàn triển khai chuyển đổi số trong giáo dục; hoàn thành trong năm học 2025 - 2026.
4. Công an quận: Phối hợp hướng dẫn người dân kích hoạt tài khoản định danh điện tử.
5. Ủy ban nhân dân các phường: Xây dựng kế hoạch thực hiện tại phường, hoàn thành trước ngày 15/6/2025; định kỳ 6 tháng báo cáo Ủy ban nhân dân quận (qua Phòng Văn hóa và Thông tin).

Ủy ban nhân dân quận yêu cầu các cơ quan, đơn vị, Ủy ban nhân dân các phường triển khai thực hiện./.

                                                   TM. ỦY BAN NHÂN DÂN
                                                   CHỦ TỊCH

                                                   (Đã ký)

                                                   Phạm Văn Tuấn

Nơi nhận:
- UBND thành phố (b/c);
- Sở Khoa học và Công nghệ (b/c);
- Thường trực Quận ủy (b/c);
- Các phòng, ban, đơn vị thuộc quận (t/h);
- UBND các phường (t/h);
- Lưu: VT.
